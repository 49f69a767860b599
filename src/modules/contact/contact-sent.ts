import type { FastifyReply, FastifyRequest } from "fastify";
import { h } from "preact";
import type { z } from "zod";
import { pageContext, sendPage } from "../../core/http/index.ts";
import { ContactSentPage } from "./contact-form.pages.tsx";
import { screeningFromQuery, screeningNotices, type sentQuerySchema } from "./screening-notice.ts";

/** Only a contact reference is echoed: the query string is the visitor's to edit. */
const referencePattern = /^C-[2-9A-Z]{6}$/;

/**
 * The page after a message was received, from the `sentQuery` the form redirected with; the
 * security page's misuse report, stored as a contact request, words its title and next step.
 */
export function sendContactSentPage(
  request: FastifyRequest,
  reply: FastifyReply,
  query: z.output<typeof sentQuerySchema>,
  copy: { title?: string; next?: string } = {},
) {
  const ref = query.ref;
  return sendPage(
    reply,
    h(ContactSentPage, {
      context: pageContext(request, reply),
      ...copy,
      reference: ref && referencePattern.test(ref) ? ref : undefined,
      screeningNotices: screeningNotices(request.t, screeningFromQuery(query)),
    }),
  );
}
