import { type SQL, sql } from "drizzle-orm";

/**
 * The `running_agreement` condition as an SQL `exists (…)` over a subject id column, for
 * set-based queries (a mailing to every customer with a running service) where
 * `hasRunningAgreement` would cost one round trip per person. Same rule: the person speaks for a
 * customer with an agreement whose status is "running".
 */
export function runningAgreementExists(subjectId: SQL): SQL {
  return sql`exists (
    select 1 from customer_contacts running_contact
    join agreements running_agreement
      on running_agreement.customer_id = running_contact.customer_id
     and running_agreement.status = 'running'
    where running_contact.subject_id = ${subjectId})`;
}
