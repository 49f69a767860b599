const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An id from the path, lower-cased, or undefined: a malformed id is a page that does not exist. */
export function uuidParam(id: string): string | undefined {
  return uuidPattern.test(id) ? id.toLowerCase() : undefined;
}
