import type { Translate } from "../../core/i18n/index.ts";
import type { Policy } from "../../policy/index.ts";

/** The rights for which the policy asks an ID copy, named in the reader's language. */
export function idCopyRights(policy: Policy, t: Translate): string {
  return policy.rights.idCopyRequiredFor
    .map((right) => t(`rights-portal.right.${right}`))
    .join(", ");
}
