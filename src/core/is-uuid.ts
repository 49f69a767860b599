const uuidShape = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether a string is shaped like a uuid (any version), as the database's ids are. */
export function isUuid(value: string): boolean {
  return uuidShape.test(value);
}
