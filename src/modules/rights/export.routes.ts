import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { h } from "preact";
import { z } from "zod";
import { AppError, pageContext, sendError, sendPage } from "../../core/http/index.ts";
import {
  type DownloadDeps,
  downloadExportFile,
  type ExportFile,
  openExportPackage,
  type PackageAccess,
} from "../../datamap/export/index.ts";
import { isoDay } from "../../datamap/index.ts";
import { ExportGonePage, ExportPage, exportDownloads } from "./export.pages.tsx";

const params = z.object({ id: z.string() });
// The token is checked by the engine: anything malformed is as unknown as a wrong one.
const query = z.object({ token: z.string().optional() }).loose();

const fileTypes = {
  pdf: { contentType: "application/pdf", name: (day: string) => `privacy-report-${day}.pdf` },
  html: {
    contentType: "text/html; charset=utf-8",
    name: (day: string) => `privacy-report-${day}.html`,
  },
  zip: { contentType: "application/zip", name: (day: string) => `privacy-data-${day}.zip` },
} as const satisfies Record<ExportFile, unknown>;

/**
 * The public side of an access or portability package: no login, the link's token is the key.
 * Every answer stays out of caches and sends no Referer, since the URL carries the token.
 */
export function registerExportRoutes(app: FastifyInstance, deps: DownloadDeps): void {
  const typed = app.withTypeProvider<ZodTypeProvider>();

  typed.get(
    "/privacy/export/:id",
    { schema: { params, querystring: query } },
    async (request, reply) => {
      keepPrivate(reply);
      const { id } = request.params;
      const { token } = request.query;
      const access = await openExportPackage(deps, { packageId: id, token });
      if (access.status !== "available") return refuse(request, reply, access);
      return sendPage(
        reply,
        h(ExportPage, {
          context: pageContext(request, reply),
          packageId: access.packageId,
          token: token ?? "",
          createdAt: access.createdAt,
          expiresAt: access.expiresAt,
        }),
      );
    },
  );

  for (const { file, path } of exportDownloads) {
    typed.get(
      `/privacy/export/:id/${path}`,
      // A HEAD would count as a download: link checkers and previews must not date or audit one.
      { schema: { params, querystring: query }, exposeHeadRoute: false },
      async (request, reply) => {
        keepPrivate(reply);
        const access = await downloadExportFile(deps, {
          packageId: request.params.id,
          token: request.query.token,
          file,
        });
        if (access.status !== "available") return refuse(request, reply, access);
        const type = fileTypes[file];
        if (file === "html") {
          // Opened in the browser after all, the report may show itself and nothing else.
          reply.header(
            "content-security-policy",
            "default-src 'none'; style-src 'unsafe-inline'; sandbox",
          );
        }
        return reply
          .type(type.contentType)
          .header(
            "content-disposition",
            `attachment; filename="${type.name(isoDay(access.createdAt))}"`,
          )
          .send(access.bytes);
      },
    );
  }
}

function keepPrivate(reply: FastifyReply): void {
  reply
    .header("cache-control", "no-store")
    .header("referrer-policy", "no-referrer")
    .header("x-robots-tag", "noindex, nofollow");
}

function refuse(
  request: FastifyRequest,
  reply: FastifyReply,
  access: Exclude<PackageAccess, { status: "available" }>,
): FastifyReply {
  if (access.status === "not_found") {
    return sendError(request, reply, new AppError("not_found"));
  }
  const context = pageContext(request, reply);
  const expiresAt = access.status === "expired" ? access.expiresAt : undefined;
  return sendPage(reply, h(ExportGonePage, { context, expiresAt }), 410);
}
