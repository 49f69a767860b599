import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { h } from "preact";
import { z } from "zod";
import {
  AppError,
  allowEmbedding,
  csrfToken,
  humanCheck,
  type PageContext,
  pageContext,
  sendPage,
  uuidParam,
} from "../../core/http/index.ts";
import type { Locale, MessageKey } from "../../core/i18n/index.ts";
import type { NewsletterModuleDeps } from "./newsletter-deps.ts";
import {
  CheckYourMailPage,
  ConfirmedPage,
  ConfirmPage,
  LinkProblemPage,
  type NewsletterNotice,
  PreferencesPage,
  SignupFormPage,
  UnsubscribedPage,
  UnsubscribePage,
} from "./newsletter-visitor.pages.tsx";
import {
  confirmBody,
  type FieldProblems,
  newsletterApiBody,
  parsePreferenceFields,
  parseSignupFields,
  type SignupField,
} from "./newsletter-visitor.schema.ts";
import { unsubscribeAll, updatePreferences } from "./preferences.ts";
import { subscriberLinks, verifySubscriberSignature } from "./subscriber-links.ts";
import { readSubscriber } from "./subscriber-store.ts";
import {
  confirmSubscription,
  NoTopicChosenError,
  requestSubscription,
  signupLifetimeMs,
} from "./subscription.ts";
import { knownTopics, topicChoices } from "./topics.ts";

const signupDays = Math.round(signupLifetimeMs / (24 * 60 * 60 * 1000));
const topicsProblem: MessageKey = "newsletter-form.error.topics";

type FormFields = Record<string, string | string[]>;
type Done = "saved" | "unsubscribed";

/**
 * The visitor's side: sign-up form and API, confirmation link, preference centre, unsubscribe.
 * Mail scanners open links: every GET only shows a page, and only a POST changes anything.
 */
export function registerNewsletterVisitorRoutes(
  app: FastifyInstance,
  deps: NewsletterModuleDeps,
): void {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  const { config } = deps;
  // Sign-ups are as strictly limited as contact posts: each one mails a stranger's address.
  const postLimit = { max: config.CONTACT_POSTS_PER_MINUTE, timeWindow: 60_000 };

  const human = humanCheck({
    clock: deps.clock,
    sign: (value) => deps.vault.keyedHash("newsletter-form.rendered", value),
  });

  const topicsIn = (locale: Locale) => topicChoices(deps.policy(), locale);

  const newsletterPurpose = () =>
    deps.policy().purposes.find((candidate) => candidate.id === "newsletter");

  const notice = (locale: Locale): NewsletterNotice | undefined => {
    const purpose = newsletterPurpose();
    if (!purpose) return undefined;
    return {
      data: purpose.dataCategories.map((category) => category.label[locale]).join(", "),
      retention: purpose.retention.text[locale],
    };
  };

  const retentionText = (locale: Locale) => newsletterPurpose()?.retention.text[locale];

  /** The reader's links as paths on this site, so the pages work behind any host name. */
  const linksOf = (subscriberId: string) => {
    const links = subscriberLinks(deps.vault, config.PUBLIC_URL, subscriberId);
    return { preferences: localPath(links.preferences), unsubscribe: localPath(links.unsubscribe) };
  };

  /**
   * A page shown after a post switches language on the reader's signed page, not on the post's
   * URL, which a GET would not find.
   */
  const keepingLink = (context: PageContext, path: string): PageContext => ({ ...context, path });

  /** The subscriber id of a signed link, or undefined when the id or signature is wrong. */
  const signedSubscriber = (id: string, signature: unknown): string | undefined => {
    const subscriberId = uuidParam(id);
    if (subscriberId === undefined || typeof signature !== "string" || signature.length > 128) {
      return undefined;
    }
    return verifySubscriberSignature(deps.vault, subscriberId, signature)
      ? subscriberId
      : undefined;
  };

  const linkProblem = (
    request: FastifyRequest,
    reply: FastifyReply,
    problem: "expired" | "invalid" | "signature",
  ) =>
    sendPage(
      reply,
      h(LinkProblemPage, { context: pageContext(request, reply), problem, days: signupDays }),
      problem === "expired" ? 410 : 404,
    );

  // ---- Sign-up -------------------------------------------------------------------------------

  const renderSignup = (
    request: FastifyRequest,
    reply: FastifyReply,
    state: {
      values?: FormFields;
      problems?: FieldProblems<SignupField>;
      formProblem?: "automated" | "expired";
    },
    statusCode = 200,
  ) => {
    const context = pageContext(request, reply);
    const { t, locale } = context;
    const values = state.values ?? {};
    return sendPage(
      reply,
      h(SignupFormPage, {
        context,
        csrf: csrfToken(reply),
        rendered: human.rendered(),
        topics: topicsIn(locale),
        // What the visitor typed, shown back; capped, so a megabyte name is not echoed whole.
        values: {
          name: textOf(values.name).slice(0, 1_000),
          email: textOf(values.email).slice(0, 1_000),
          topics: listOf(values.topics).slice(0, 50),
        },
        problems: translated(t, state.problems ?? {}),
        formProblem: state.formProblem && t(`newsletter-form.error.${state.formProblem}`),
        notice: notice(locale),
      }),
      statusCode,
    );
  };

  typed.get("/newsletter", async (request, reply) => renderSignup(request, reply, {}));

  typed.post("/newsletter", { config: { rateLimit: postLimit } }, async (request, reply) => {
    const fields = formFields(request.body);
    const bot = human.check(fields);
    if (bot !== "ok") {
      request.log.info({ reason: bot }, "newsletter sign-up refused as automated");
      return renderSignup(request, reply, { values: fields, formProblem: bot }, 400);
    }
    const parsed = parseSignupFields(fields);
    const problems: FieldProblems<SignupField> = parsed.ok ? {} : { ...parsed.problems };
    if (knownTopics(deps.policy(), listOf(fields.topics)).length === 0) {
      problems.topics = topicsProblem;
    }
    if (!parsed.ok || problems.topics) {
      return renderSignup(request, reply, { values: fields, problems }, 400);
    }
    try {
      await requestSubscription(deps, {
        ...parsed.fields,
        locale: request.locale,
        ip: request.ip,
        source: "form",
      });
    } catch (error) {
      if (!(error instanceof NoTopicChosenError)) throw error;
      return renderSignup(
        request,
        reply,
        { values: fields, problems: { topics: topicsProblem } },
        400,
      );
    }
    // The same answer for a new, a known and an already subscribed address.
    return reply.redirect("/newsletter/check-your-mail", 303);
  });

  typed.get("/newsletter/check-your-mail", async (request, reply) =>
    sendPage(
      reply,
      h(CheckYourMailPage, { context: pageContext(request, reply), days: signupDays }),
    ),
  );

  const corsHeaders = allowEmbedding(app, "/api/newsletter/subscribe", config.CONTACT_CORS_ORIGINS);

  typed.post(
    "/api/newsletter/subscribe",
    {
      config: { rateLimit: postLimit },
      schema: {
        tags: ["newsletter"],
        summary: "Subscribe to newsletter topics (double opt-in)",
        description:
          "Mails a confirmation link to the address; nothing else is sent until it is used. The answer is the same whether or not the address is already subscribed. Errors come in the language of Accept-Language. Browsers may call it from the origins in CONTACT_CORS_ORIGINS.",
        body: newsletterApiBody,
        response: { 202: z.object({ status: z.literal("check_your_mail") }) },
      },
      onSend: corsHeaders,
    },
    async (request, reply) => {
      const { name, email, topics, locale } = request.body;
      try {
        await requestSubscription(deps, {
          name,
          email,
          topics,
          locale: locale ?? request.locale,
          ip: request.ip,
          source: "api",
        });
      } catch (error) {
        if (!(error instanceof NoTopicChosenError)) throw error;
        throw new AppError("validation", {
          fields: [{ field: "topics", message: request.t(topicsProblem) }],
        });
      }
      return reply.code(202).send({ status: "check_your_mail" as const });
    },
  );

  // ---- Confirmation link ---------------------------------------------------------------------

  const showConfirm = (request: FastifyRequest, reply: FastifyReply, token: string | undefined) => {
    const parsed = confirmBody.safeParse({ token });
    if (!parsed.success) return linkProblem(request, reply, "invalid");
    const context = pageContext(request, reply);
    return sendPage(
      reply,
      h(ConfirmPage, { context, csrf: csrfToken(reply), token: parsed.data.token }),
    );
  };

  // A GET never confirms: mail scanners fetch every link in a mail before the reader does.
  typed.get("/newsletter/confirm", async (request, reply) =>
    showConfirm(request, reply, queryText(request.query, "token")),
  );

  typed.post("/newsletter/confirm", async (request, reply) => {
    const parsed = confirmBody.safeParse(request.body);
    if (!parsed.success) return linkProblem(request, reply, "invalid");
    const outcome = await confirmSubscription(deps, { token: parsed.data.token, ip: request.ip });
    if (outcome.status !== "confirmed") return linkProblem(request, reply, outcome.status);
    const context = pageContext(request, reply);
    return sendPage(
      reply,
      h(ConfirmedPage, {
        context: keepingLink(context, linksOf(outcome.subscriberId).preferences),
        topics: topicsIn(context.locale).filter((topic) => outcome.topics.includes(topic.id)),
        preferences: linksOf(outcome.subscriberId).preferences,
      }),
    );
  });

  // ---- Preference centre ---------------------------------------------------------------------

  const renderPreferences = async (
    request: FastifyRequest,
    reply: FastifyReply,
    signed: { subscriberId: string; signature: string },
    state: { values?: FormFields; problems?: FieldProblems<SignupField>; done?: Done },
    statusCode = 200,
  ) => {
    const subscriber = await readSubscriber(deps, { id: signed.subscriberId });
    if (!subscriber?.email) return linkProblem(request, reply, "signature");
    const context = keepingLink(pageContext(request, reply), linksOf(subscriber.id).preferences);
    const values = state.values
      ? {
          name: textOf(state.values.name).slice(0, 1_000),
          topics: listOf(state.values.topics).slice(0, 50),
        }
      : { name: subscriber.name ?? "", topics: subscriber.topics };
    return sendPage(
      reply,
      h(PreferencesPage, {
        context,
        csrf: csrfToken(reply),
        action: linksOf(subscriber.id).preferences,
        email: subscriber.email,
        topics: topicsIn(context.locale),
        values,
        subscribed: subscriber.topics,
        problems: translated(context.t, state.problems ?? {}),
        done: state.done,
        retention: retentionText(context.locale),
      }),
      statusCode,
    );
  };

  const showPreferences = async (
    request: FastifyRequest,
    reply: FastifyReply,
    id: string,
    signature: unknown,
  ) => {
    const subscriberId = signedSubscriber(id, signature);
    if (!subscriberId) return linkProblem(request, reply, "signature");
    const done = queryText(request.query, "done");
    return renderPreferences(
      request,
      reply,
      { subscriberId, signature: String(signature) },
      { done: done === "saved" || done === "unsubscribed" ? done : undefined },
    );
  };

  typed.get<{ Params: { id: string } }>("/newsletter/preferences/:id", async (request, reply) =>
    showPreferences(request, reply, request.params.id, queryText(request.query, "sig")),
  );

  typed.post<{ Params: { id: string } }>("/newsletter/preferences/:id", async (request, reply) => {
    const signature = queryText(request.query, "sig");
    const subscriberId = signedSubscriber(request.params.id, signature);
    if (!subscriberId || signature === undefined) {
      return linkProblem(request, reply, "signature");
    }
    const signed = { subscriberId, signature };
    const fields = formFields(request.body);
    const back = (done: Done) =>
      reply.redirect(`${linksOf(subscriberId).preferences}&done=${done}`, 303);
    const current = await readSubscriber(deps, { id: subscriberId });
    if (!current?.email) return linkProblem(request, reply, "signature");

    if (textOf(fields.intent) === "unsubscribe_all") {
      await unsubscribeAll(deps, { subscriberId, via: "preference_centre" });
      return back("unsubscribed");
    }
    const parsed = parsePreferenceFields(fields);
    if (!parsed.ok) {
      return renderPreferences(
        request,
        reply,
        signed,
        { values: fields, problems: parsed.problems },
        400,
      );
    }
    const wanted = knownTopics(deps.policy(), parsed.fields.topics);
    if (wanted.length === 0) {
      // Leaving every topic is an unsubscribe. It goes through unsubscribeAll, not
      // updatePreferences: that one saves a changed name through grantTopics, which for a
      // reader with no topic left opens a new period and clears unsubscribed_at, so the
      // 6-month deletion clock would never start. The name change is dropped instead.
      if (current.topics.length > 0) {
        await unsubscribeAll(deps, { subscriberId, via: "preference_centre" });
      }
      return back("unsubscribed");
    }
    const saved = await updatePreferences(deps, {
      subscriberId,
      name: parsed.fields.name,
      topics: wanted,
      ip: request.ip,
    });
    if (!saved) return linkProblem(request, reply, "signature");
    return back("saved");
  });

  // ---- Unsubscribe link ----------------------------------------------------------------------

  const showUnsubscribe = (
    request: FastifyRequest,
    reply: FastifyReply,
    id: string,
    signature: unknown,
  ) => {
    const subscriberId = signedSubscriber(id, signature);
    if (!subscriberId) return linkProblem(request, reply, "signature");
    const links = linksOf(subscriberId);
    return sendPage(
      reply,
      h(UnsubscribePage, {
        context: pageContext(request, reply),
        csrf: csrfToken(reply),
        action: links.unsubscribe,
        preferences: links.preferences,
      }),
    );
  };

  typed.get<{ Params: { id: string } }>("/newsletter/unsubscribe/:id", async (request, reply) =>
    showUnsubscribe(request, reply, request.params.id, queryText(request.query, "sig")),
  );

  // The unsubscribe page's button, with its form token like every page form. The RFC 8058
  // one-click POST of the List-Unsubscribe header goes to the /api/ route below instead.
  typed.post<{ Params: { id: string } }>("/newsletter/unsubscribe/:id", async (request, reply) => {
    const signature = queryText(request.query, "sig");
    const subscriberId = signedSubscriber(request.params.id, signature);
    if (!subscriberId || signature === undefined) {
      return linkProblem(request, reply, "signature");
    }
    await unsubscribeAll(deps, { subscriberId, via: "unsubscribe_link" });
    const context = keepingLink(pageContext(request, reply), linksOf(subscriberId).preferences);
    return sendPage(
      reply,
      h(UnsubscribedPage, {
        context,
        retention: retentionText(context.locale),
        preferences: linksOf(subscriberId).preferences,
      }),
    );
  });

  // RFC 8058 one-click: the List-Unsubscribe header's URL. Mail providers POST
  // `List-Unsubscribe=One-Click` from their servers, without cookie or form token; the signature
  // in the URL is the proof, so the body is not needed and the answer is no page.
  typed.post<{ Params: { id: string } }>(
    "/api/newsletter/unsubscribe/:id",
    { schema: { hide: true } },
    async (request, reply) => {
      const subscriberId = signedSubscriber(request.params.id, queryText(request.query, "sig"));
      if (!subscriberId) throw new AppError("not_found");
      // A reader already gone (unsubscribed, or deleted 6 months later) is answered the same.
      await unsubscribeAll(deps, { subscriberId, via: "one_click" });
      return reply.code(200).type("text/plain; charset=utf-8").send("unsubscribed\n");
    },
  );
  // Some mail clients open the header's URL in a browser instead: they get the page.
  typed.get<{ Params: { id: string } }>(
    "/api/newsletter/unsubscribe/:id",
    { schema: { hide: true } },
    async (request, reply) => {
      const subscriberId = signedSubscriber(request.params.id, queryText(request.query, "sig"));
      if (!subscriberId) throw new AppError("not_found");
      return reply.redirect(linksOf(subscriberId).unsubscribe, 303);
    },
  );
}

function translated(
  t: PageContext["t"],
  problems: FieldProblems<SignupField>,
): Partial<Record<SignupField, string>> {
  const texts: Partial<Record<SignupField, string>> = {};
  for (const [field, key] of Object.entries(problems)) {
    if (key) texts[field as SignupField] = t(key);
  }
  return texts;
}

/** A urlencoded body as strings and lists of strings; anything else is dropped. */
function formFields(body: unknown): FormFields {
  const fields: FormFields = {};
  if (typeof body !== "object" || body === null) return fields;
  for (const [name, value] of Object.entries(body)) {
    if (typeof value === "string") fields[name] = value;
    else if (Array.isArray(value)) {
      fields[name] = value.filter((item): item is string => typeof item === "string");
    }
  }
  return fields;
}

function textOf(value: string | string[] | undefined): string {
  return typeof value === "string" ? value : "";
}

function listOf(value: string | string[] | undefined): string[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

function queryText(query: unknown, name: string): string | undefined {
  const value = (query as Record<string, unknown> | undefined)?.[name];
  return typeof value === "string" ? value : undefined;
}

function localPath(url: string): string {
  const parsed = new URL(url);
  return `${parsed.pathname}${parsed.search}`;
}
