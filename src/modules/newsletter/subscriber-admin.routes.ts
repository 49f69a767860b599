import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { h } from "preact";
import { z } from "zod";
import { recordStaffRead } from "../../audit/index.ts";
import { AppError, readMultipartForm, sendPage, uuidParam } from "../../core/http/index.ts";
import { decodeCursor, encodeCursor } from "../../core/keyset-cursor.ts";
import { backOfficeContext, requireStaff } from "../staff/index.ts";
import { newsletterSubscriberRecordType } from "./newsletter.records.ts";
import type { NewsletterModuleDeps } from "./newsletter-deps.ts";
import { unsubscribeAll } from "./preferences.ts";
import {
  SubscriberImportPage,
  SubscriberListPage,
  SubscriberPage,
  type SubscriberSearch,
} from "./subscriber-admin.pages.tsx";
import { type ImportProblem, importSubscribers, maxImportRows } from "./subscriber-import.ts";
import {
  consentHistory,
  listSubscribers,
  newsletterCounts,
  subscriberStates,
} from "./subscriber-list.ts";
import { readSubscriber } from "./subscriber-store.ts";
import { topicChoices } from "./topics.ts";

const searchText = (max: number) => z.string().max(max).optional().default("");
/** A CSV of 50,000 rows is about 5 MB; anything much bigger is not a subscriber list. */
const maxImportBytes = 8 * 1024 * 1024;

/** Staff: the subscriber list with counts, one reader's consent history, and CSV import. */
export function registerSubscriberAdminRoutes(
  app: FastifyInstance,
  deps: NewsletterModuleDeps,
): void {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  const config = { permission: "newsletter.manage" } as const;
  // One `subject.read` per reader shown, in one transaction, before the page is sent.
  const auditReads = (staffId: string, shown: readonly { id: string; subjectId: string }[]) =>
    deps.db.transaction(async (tx) => {
      for (const subscriber of shown) {
        await recordStaffRead(tx, deps.clock, {
          staffId,
          subjectId: subscriber.subjectId,
          recordType: newsletterSubscriberRecordType.id,
          recordId: subscriber.id,
          purpose: "newsletter",
        });
      }
    });

  typed.get(
    "/admin/newsletter/subscribers",
    {
      config,
      schema: {
        querystring: z.object({
          state: z
            .enum(["", ...subscriberStates])
            .optional()
            .default(""),
          topic: searchText(60),
          email: searchText(320),
          name: searchText(200),
          after: searchText(80),
        }),
      },
    },
    async (request, reply) => {
      const staff = requireStaff(request);
      const search: SubscriberSearch = {
        state: request.query.state,
        topic: request.query.topic.trim(),
        email: request.query.email.trim(),
        name: request.query.name.trim(),
      };
      const after = request.query.after ? decodeCursor(request.query.after) : undefined;
      if (request.query.after && !after) throw new AppError("bad_request");
      const page = await listSubscribers(deps, {
        state: search.state || undefined,
        topic: search.topic || undefined,
        email: search.email || undefined,
        name: search.name || undefined,
        after,
      });
      await auditReads(staff.staffId, page.lines);
      const href = (cursor?: string) => {
        const query = new URLSearchParams();
        for (const [key, value] of Object.entries(search)) if (value) query.set(key, value);
        if (cursor) query.set("after", cursor);
        const text = query.toString();
        return text ? `/admin/newsletter/subscribers?${text}` : "/admin/newsletter/subscribers";
      };
      return sendPage(
        reply,
        h(SubscriberListPage, {
          context: backOfficeContext(request, reply),
          search,
          counts: await newsletterCounts(deps),
          topics: topicChoices(deps.policy(), request.locale),
          lines: page.lines,
          olderHref: page.next ? href(encodeCursor(page.next)) : undefined,
          newestHref: after ? href() : undefined,
        }),
      );
    },
  );

  const renderSubscriber = async (
    request: FastifyRequest,
    reply: FastifyReply,
    subscriberId: string,
    notice?: string,
  ) => {
    const staff = requireStaff(request);
    const subscriber = await readSubscriber(deps, { id: subscriberId });
    if (!subscriber) throw new AppError("not_found");
    await auditReads(staff.staffId, [subscriber]);
    return sendPage(
      reply,
      h(SubscriberPage, {
        context: backOfficeContext(request, reply),
        subscriber,
        history: await consentHistory(deps, subscriber.id),
        topics: topicChoices(deps.policy(), request.locale),
        notice,
      }),
    );
  };

  typed.get(
    "/admin/newsletter/subscribers/:id",
    {
      config,
      schema: {
        params: z.object({ id: z.string() }),
        querystring: z.object({ done: z.enum(["unsubscribed"]).optional() }),
      },
    },
    async (request, reply) => {
      const subscriberId = uuidParam(request.params.id);
      if (!subscriberId) throw new AppError("not_found");
      return renderSubscriber(
        request,
        reply,
        subscriberId,
        request.query.done ? request.t("newsletter-subscribers.done.unsubscribed") : undefined,
      );
    },
  );

  typed.post(
    "/admin/newsletter/subscribers/:id/unsubscribe",
    {
      config,
      schema: {
        params: z.object({ id: z.string() }),
        body: z.object({ _csrf: z.string().optional() }),
      },
    },
    async (request, reply) => {
      const staff = requireStaff(request);
      const subscriberId = uuidParam(request.params.id);
      if (!subscriberId) throw new AppError("not_found");
      const done = await unsubscribeAll(deps, {
        subscriberId,
        via: "staff",
        actor: { type: "staff", id: staff.staffId },
      });
      if (!done) throw new AppError("not_found");
      return reply.redirect(`/admin/newsletter/subscribers/${subscriberId}?done=unsubscribed`, 303);
    },
  );

  const importPage = (
    request: FastifyRequest,
    reply: FastifyReply,
    extra: {
      imported?: number;
      problems?: readonly ImportProblem[];
      error?: string;
    } = {},
    status?: number,
  ) =>
    sendPage(
      reply,
      h(SubscriberImportPage, {
        context: backOfficeContext(request, reply),
        topicIds: deps.policy().newsletterTopics.map((topic) => topic.id),
        maxRows: maxImportRows,
        ...extra,
      }),
      status,
    );

  typed.get("/admin/newsletter/import", { config }, async (request, reply) => {
    requireStaff(request);
    return importPage(request, reply);
  });

  typed.post(
    "/admin/newsletter/import",
    { config: { ...config, multipartForm: true } },
    async (request, reply) => {
      const staff = requireStaff(request);
      const form = await readMultipartForm(request, reply, { maxTotalBytes: maxImportBytes });
      const file = form.files.find((candidate) => candidate.field === "file");
      if (!file || file.content.length === 0) {
        return importPage(
          request,
          reply,
          { error: request.t("newsletter-subscribers.import.no_file") },
          400,
        );
      }
      const result = await importSubscribers(deps, {
        csv: file.content,
        staffId: staff.staffId,
        defaultLocale: request.locale,
      });
      if (result.status === "refused") {
        return importPage(request, reply, { problems: result.problems }, 400);
      }
      return importPage(request, reply, { imported: result.rows });
    },
  );
}
