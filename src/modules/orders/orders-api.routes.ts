import { createHash, timingSafeEqual } from "node:crypto";
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { AppError, type FieldProblem } from "../../core/http/index.ts";
import { orderSchema } from "./orders.schema.ts";
import { OrderInputError } from "./orders.service.ts";
import { orderStatuses } from "./orders.tables.ts";
import {
  type OrderFieldProblem,
  problemsFromIssues,
  problemsFromOrderError,
  problemText,
  vatNumberProblems,
} from "./orders-admin-problems.ts";
import { placedStatuses, placeOrder } from "./orders-api-place-order.ts";
import type { OrdersModuleDeps } from "./orders-deps.ts";

/**
 * A shop's server posts every order from one address, so the contact form's per-visitor limit
 * would refuse a busy hour; 60 a minute still stops a runaway loop, and a token of 32 or more
 * random characters cannot be guessed at any rate.
 */
const postsPerMinute = 60;
const maxIdempotencyKey = 200;

export const orderApiBody = orderSchema.extend({
  status: z
    .enum(placedStatuses)
    .optional()
    .describe("draft (default), confirmed, or completed: completed issues and mails the invoice"),
});

const orderApiReply = z.object({
  number: z.string(),
  status: z.enum(orderStatuses),
  invoiceNumber: z.string().optional(),
});

/** Compared as digests, so the comparison takes as long whatever the length of the guess. */
const digest = (token: string) => createHash("sha256").update(token, "utf8").digest();

/** POST /api/orders: the web shop's orders, authenticated with ORDERS_API_TOKEN. */
export function registerOrdersApiRoutes(app: FastifyInstance, deps: OrdersModuleDeps): void {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  const token = deps.config.ORDERS_API_TOKEN;
  const expected = token ? digest(token) : undefined;

  /** Before the body is validated, so a caller without the token learns nothing of the rules. */
  const authorise = async (request: FastifyRequest) => {
    if (!expected) {
      throw new AppError("unavailable", {
        fields: [
          {
            field: "ORDERS_API_TOKEN",
            message: request.t("orders-admin.api.not_configured"),
          },
        ],
      });
    }
    const presented = /^Bearer +(\S+) *$/i.exec(request.headers.authorization ?? "")?.[1];
    if (!presented || !timingSafeEqual(digest(presented), expected)) {
      throw new AppError("unauthorized", {
        fields: [{ field: "Authorization", message: request.t("orders-admin.api.token") }],
      });
    }
  };

  typed.post(
    "/api/orders",
    {
      // After the rate limit's own onRequest hook, so failed attempts count too.
      preValidation: authorise,
      attachValidation: true,
      config: { rateLimit: { max: postsPerMinute, timeWindow: 60_000 } },
      onSend: async (_request, reply, payload) => {
        if (reply.statusCode === 401) reply.header("www-authenticate", 'Bearer realm="orders"');
        return payload;
      },
      schema: {
        tags: ["orders"],
        summary: "Place an order from the web shop",
        description:
          'Authorization: Bearer ORDERS_API_TOKEN. Idempotency-Key (required, at most 200 characters): a retry with the same key answers 200 with the order created the first time and changes nothing. Amounts as text with a comma or a point ("12,50") or as numbers; quantities up to 3 decimals. A VAT number is checked offline (EU prefix, format, check digits); an EU business outside Belgium is invoiced under reverse charge. Errors come per field in the language of Accept-Language.',
        headers: z.object({ "idempotency-key": z.string().optional() }).loose(),
        body: orderApiBody,
        response: { 200: orderApiReply, 201: orderApiReply },
      },
    },
    async (request, reply) => {
      const t = request.t;
      const problems: FieldProblem[] = [];
      const key = request.headers["idempotency-key"];
      if (typeof key !== "string" || key.trim() === "" || key.length > maxIdempotencyKey) {
        problems.push({
          field: "Idempotency-Key",
          message: t("orders-admin.api.idempotency_key", { max: maxIdempotencyKey }),
        });
      }
      const fieldProblem = (problem: OrderFieldProblem): FieldProblem => ({
        field: problem.path.join(".") || "body",
        message: problemText(t, problem),
      });
      if (request.validationError) {
        const parsed = orderApiBody.safeParse(request.body);
        const billing = (request.body as { billing?: { vatNumber?: unknown } } | null)?.billing;
        problems.push(
          ...vatNumberProblems(billing?.vatNumber).map(fieldProblem),
          ...(parsed.success
            ? [{ field: "body", message: t("orders-admin.problem.body") }]
            : problemsFromIssues(parsed.error.issues).map(fieldProblem)),
        );
      }
      if (problems.length > 0 || typeof key !== "string") {
        throw new AppError("validation", { fields: problems });
      }
      const { status = "draft", ...order } = request.body;
      try {
        const placed = await placeOrder(deps, {
          channel: "web",
          request: order,
          locale: order.locale ?? request.locale,
          // Scoped, so a shop's key can never meet the key of an imported file's order.
          idempotencyKey: `web:${key.trim()}`,
          actor: { type: "system", id: "orders-api" },
          status,
        });
        return reply.code(placed.replayed ? 200 : 201).send({
          number: placed.number,
          status: placed.status,
          ...(placed.invoiceNumber ? { invoiceNumber: placed.invoiceNumber } : {}),
        });
      } catch (error) {
        if (!(error instanceof OrderInputError)) throw error;
        throw new AppError("validation", {
          fields: problemsFromOrderError(error.problems).map(fieldProblem),
        });
      }
    },
  );
}
