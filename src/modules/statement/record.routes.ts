import type { FastifyInstance } from "fastify";
import { h } from "preact";
import { sendPage } from "../../core/http/index.ts";
import { art30Csv, art30Json, art30Record, type Policy } from "../../policy/index.ts";
import { backOfficeContext } from "../staff/index.ts";
import { RecordPage } from "./record.pages.tsx";

/** The Art. 30 record of processing, for the privacy officer: a page to print, CSV and JSON. */
export function registerRecordRoutes(app: FastifyInstance, deps: { policy: () => Policy }): void {
  const config = { permission: "policy.manage" } as const;
  const fileName = (extension: string) =>
    `art30-record-${deps.policy().version.effectiveDate}.${extension}`;

  app.get("/admin/record", { config }, async (request, reply) =>
    sendPage(
      reply,
      h(RecordPage, {
        context: backOfficeContext(request, reply),
        record: art30Record(deps.policy(), request.locale),
      }),
    ),
  );

  app.get("/admin/record.csv", { config }, async (request, reply) =>
    reply
      .type("text/csv; charset=utf-8")
      .header("content-disposition", `attachment; filename="${fileName("csv")}"`)
      .send(art30Csv(art30Record(deps.policy(), request.locale))),
  );

  app.get("/admin/record.json", { config }, async (request, reply) =>
    reply
      .header("content-disposition", `attachment; filename="${fileName("json")}"`)
      .send(art30Json(art30Record(deps.policy(), request.locale))),
  );
}
