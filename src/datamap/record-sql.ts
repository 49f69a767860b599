import { type SQL, sql } from "drizzle-orm";
import { isUuid } from "../core/is-uuid.ts";
import type { RecordType } from "./record-type.ts";

/**
 * The engines address module tables only through a record type's declared names. Identifiers
 * are quoted by drizzle, and every name was checked against the table when the type was defined.
 */
export function table(type: RecordType): SQL {
  return sql`${sql.identifier(type.tableName)}`;
}

export function column(name: string): SQL {
  return sql`${sql.identifier(name)}`;
}

/**
 * A list of ids as one `uuid[]` parameter: drizzle would expand a JS array into one parameter
 * per element, and a sweep batch of thousands would hit the protocol's limit and re-plan each time.
 */
export function uuidArray(ids: readonly string[]): SQL {
  for (const id of ids) {
    if (!isUuid(id)) throw new Error("uuidArray: not a uuid");
  }
  return sql`${`{${ids.join(",")}}`}::uuid[]`;
}
