import type { Locale } from "../../core/i18n/index.ts";
import { enqueueMail } from "../../core/mail/index.ts";
import type { PortalRequest } from "./portal.schema.ts";
import { confirmRequestMail } from "./portal-mails.ts";
import { createRequest, unconfirmedLifetimeDays } from "./request-intake.ts";
import type { RightsDeps } from "./rights-deps.ts";

/** Where the confirmation link leads; a GET there only shows a button. */
export function confirmUrl(publicUrl: string, token: string): string {
  const url = new URL("/privacy/request/confirm", publicUrl);
  url.searchParams.set("token", token);
  return url.toString();
}

/**
 * Records a request from the portal and mails its confirmation link, in one transaction: a
 * request without its mail, or a mail without its request, cannot exist. Nothing is returned
 * that the caller could show: the answer is the same for an address we know and one we do not.
 */
export async function submitPortalRequest(
  deps: RightsDeps,
  input: { request: PortalRequest; locale: Locale },
): Promise<void> {
  const { request, locale } = input;
  await deps.db.transaction(async (tx) => {
    const created = await createRequest(
      { ...deps, db: tx },
      { channel: "portal", locale, ...request },
    );
    if (!created.confirmToken) throw new Error("a portal request is made with a confirm token");
    await enqueueMail(tx, {
      clock: deps.clock,
      config: deps.config,
      vault: deps.vault,
      mail: confirmRequestMail({
        locale,
        to: request.email,
        subjectId: created.subjectId,
        policy: deps.policy(),
        rights: request.rights,
        link: confirmUrl(deps.config.PUBLIC_URL, created.confirmToken),
        days: unconfirmedLifetimeDays,
      }),
    });
  });
}
