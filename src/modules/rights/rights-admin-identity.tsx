import type { VNode } from "preact";
import { Day } from "../../core/http/index.ts";
import { type BackOfficeContext, CsrfField } from "../staff/index.ts";
import type { RightsRequestRow } from "./request-store.ts";
import { refusalReasonMaxLength } from "./request-verification.ts";
import type { VerificationMethod } from "./rights.tables.ts";

export interface IdCopyOnFile {
  uploadedAt: Date;
  mediaType: string;
}

/**
 * How identity stands and, while the request waits for it, the decision: the ID copy shown inline
 * (its read audited by its own route), the methods that fit, or a refusal with its reason. The
 * copy is destroyed as soon as the decision is recorded, which the page says before it is taken.
 */
export function IdentitySection(props: {
  context: BackOfficeContext;
  request: RightsRequestRow;
  idCopy: IdCopyOnFile | undefined;
  methods: readonly VerificationMethod[];
  staffNames: ReadonlyMap<string, string>;
  refusalReason: string;
}): VNode {
  const { context, request, idCopy, methods, staffNames } = props;
  const { t } = context;
  const base = `/admin/rights/${request.id}`;
  const who = (id: string | null) => (id ? (staffNames.get(id) ?? id.slice(0, 8)) : "—");
  return (
    <section aria-labelledby="rights-identity">
      <h2 id="rights-identity">{t("rights-admin.identity.title")}</h2>
      {request.status === "refused" ? (
        <>
          <p>
            {t("rights-admin.identity.refused", { staff: who(request.answeredBy) })}{" "}
            <Day at={request.answeredAt} />
          </p>
          <p class="contact-message">{request.refusalReason}</p>
        </>
      ) : request.verification ? (
        <p>
          {t("rights-admin.identity.verified", {
            method: t(`rights-admin.method.${request.verification}`),
            staff: who(request.verifiedBy),
          })}{" "}
          <Day at={request.verifiedAt} />
        </p>
      ) : (
        <p>
          {request.channel === "portal"
            ? t("rights-admin.identity.so_far_portal")
            : t("rights-admin.identity.so_far_staff")}
        </p>
      )}
      {request.status === "received" && (
        <>
          {request.idCopyRequired && <p>{t("rights-admin.identity.copy_required")}</p>}
          {idCopy ? (
            <figure>
              <img
                src={`${base}/id-copy`}
                alt={t("rights-admin.identity.copy_alt", { reference: request.reference })}
              />
              <figcaption>
                {t("rights-admin.identity.copy_uploaded")} <Day at={idCopy.uploadedAt} /> ·{" "}
                {t("rights-admin.identity.copy_destroyed_after")}
              </figcaption>
            </figure>
          ) : (
            request.idCopyRequired && <p>{t("rights-admin.identity.copy_missing")}</p>
          )}
          <form method="post" action={`${base}/verification`} class="narrow-form">
            <h3>{t("rights-admin.identity.verify")}</h3>
            <CsrfField token={context.csrf} />
            <input type="hidden" name="decision" value="verified" />
            <fieldset>
              <legend>{t("rights-admin.identity.method")}</legend>
              {methods.map((method, index) => (
                <label key={method}>
                  <input type="radio" name="method" value={method} checked={index === 0} required />
                  {t(`rights-admin.method.${method}`)}
                </label>
              ))}
            </fieldset>
            <button type="submit">{t("rights-admin.identity.verify_submit")}</button>
          </form>
          <form method="post" action={`${base}/verification`} class="narrow-form">
            <h3>{t("rights-admin.identity.refuse")}</h3>
            <CsrfField token={context.csrf} />
            <input type="hidden" name="decision" value="refused" />
            <label>
              {t("rights-admin.identity.reason")}
              <textarea
                name="reason"
                rows={4}
                required
                maxLength={refusalReasonMaxLength}
                aria-describedby="rights-refusal-hint"
              >
                {props.refusalReason}
              </textarea>
            </label>
            <small id="rights-refusal-hint">{t("rights-admin.identity.refuse_hint")}</small>
            <button type="submit" class="secondary">
              {t("rights-admin.identity.refuse_submit")}
            </button>
          </form>
        </>
      )}
    </section>
  );
}
