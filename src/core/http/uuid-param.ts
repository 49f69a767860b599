import { isUuid } from "../is-uuid.ts";

/** An id from the path, lower-cased, or undefined: a malformed id is a page that does not exist. */
export function uuidParam(id: string): string | undefined {
  return isUuid(id) ? id.toLowerCase() : undefined;
}
