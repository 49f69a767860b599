import { randomUUID } from "node:crypto";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { AppError, allowEmbedding } from "../../core/http/index.ts";
import type { MessageKey } from "../../core/i18n/index.ts";
import { consentActions } from "./consent.tables.ts";
import { consentCookieName, formatConsentCookie, parseConsentCookie } from "./consent-cookie.ts";
import type { ConsentDeps } from "./consent-deps.ts";
import {
  type ConsentChoiceInput,
  type ConsentChoiceProblem,
  pagePath,
  type RecordedChoice,
  recordConsentChoice,
} from "./consent-proof.ts";
import { inventoryVersion, optionalCategories } from "./inventory-version.ts";

/**
 * One visitor makes a choice or two a visit, but a whole office behind one address may answer
 * the banner in the same minute: looser than the contact form, far below the global limit.
 */
const choiceLimit = { max: 60, timeWindow: 60_000 };

/** A full URL with a long query is still a page; anything longer is not a banner talking. */
const maxPageInput = 2048;

const problemKeys: Record<ConsentChoiceProblem, { field: string; key: MessageKey }> = {
  unknown_category: { field: "choices", key: "consent.error.category" },
  necessary_refused: { field: "choices.necessary", key: "consent.error.necessary" },
  contradicts_action: { field: "choices", key: "consent.error.contradicts" },
};

export const consentApiBody = z.object({
  consentId: z.uuid(),
  action: z.enum(consentActions),
  choices: z.record(z.string().max(32), z.boolean()),
  /** The banner's inventory version: recorded as sent, current or not, since it is the proof. */
  inventoryVersion: z.string().regex(/^[0-9a-f]{12}$/),
  page: z.string().max(maxPageInput).optional(),
});

/**
 * Proof of consent: POST /api/consent from the banner (on this server's pages or the company's
 * website), and POST /cookies/choice, the same choice made without JavaScript on /cookies.
 */
export function registerConsentApiRoutes(app: FastifyInstance, deps: ConsentDeps): void {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  const corsHeaders = allowEmbedding(app, "/api/consent", deps.config.CONTACT_CORS_ORIGINS);

  const record = async (request: FastifyRequest, input: ConsentChoiceInput) => {
    const recorded: RecordedChoice = await recordConsentChoice(deps, input);
    if (!recorded.ok) {
      const { field, key } = problemKeys[recorded.problem];
      throw new AppError("validation", { fields: [{ field, message: request.t(key) }] });
    }
    return recorded;
  };

  typed.post(
    "/api/consent",
    {
      config: { rateLimit: choiceLimit },
      schema: {
        tags: ["consent"],
        summary: "Record a cookie choice (proof of consent)",
        description:
          "Called by the banner for every choice, a refusal and a withdrawal included. Only the page's path, the network part of the IP address and the browser family are kept, for consent.proofRetention. Errors come in the language of Accept-Language. Browsers may call it from the origins in CONTACT_CORS_ORIGINS.",
        body: consentApiBody,
        response: { 201: z.object({ id: z.string() }) },
      },
      onSend: corsHeaders,
    },
    async (request, reply) => {
      const body = request.body;
      if (body.page !== undefined && pagePath(body.page) === undefined) {
        throw new AppError("validation", {
          fields: [{ field: "page", message: request.t("consent.error.page") }],
        });
      }
      const recorded = await record(request, {
        ...body,
        ip: request.ip,
        userAgent: request.headers["user-agent"],
      });
      return reply.code(201).send({ id: recorded.id });
    },
  );

  typed.post(
    "/cookies/choice",
    {
      config: { rateLimit: choiceLimit },
      schema: {
        body: z.object({
          action: z.enum(["accept_all", "reject_all"]),
          _csrf: z.string().optional(),
        }),
      },
    },
    async (request, reply) => {
      const policy = deps.policy();
      const earlier = parseConsentCookie(request.cookies[consentCookieName]);
      // The same visitor keeps their consent id, so their choices stay together as proof.
      const consentId = earlier?.consentId ?? randomUUID();
      const allowed = request.body.action === "accept_all";
      const version = inventoryVersion(policy);
      const recorded = await record(request, {
        consentId,
        action: request.body.action,
        choices: Object.fromEntries(optionalCategories(policy).map((name) => [name, allowed])),
        inventoryVersion: version,
        page: "/cookies",
        ip: request.ip,
        userAgent: request.headers["user-agent"],
      });
      setConsentCookie(request, reply, {
        value: formatConsentCookie({
          consentId,
          inventoryVersion: version,
          choices: recorded.choices,
          decidedAt: recorded.decidedAt,
        }),
        lifetimeDays: policy.consent.lifetimeDays,
      });
      return reply.redirect("/cookies", 303);
    },
  );
}

/**
 * Written as the banner writes it: readable by its script (not httpOnly), sent on top-level
 * navigation (Lax), Secure on https, for as long as a choice holds.
 */
function setConsentCookie(
  request: FastifyRequest,
  reply: FastifyReply,
  { value, lifetimeDays }: { value: string; lifetimeDays: number },
): void {
  reply.setCookie(consentCookieName, value, {
    path: "/",
    maxAge: lifetimeDays * 24 * 60 * 60,
    sameSite: "lax",
    secure: request.protocol === "https",
    httpOnly: false,
  });
}
