import { type PortalField, portalFieldNames } from "./portal.schema.ts";

/** A urlencoded body as strings and lists of strings. */
export type FormFields = Record<string, string | string[]>;

/** The request fields as typed, shown back in a refused form (portal and staff entry alike). */
export interface RequestFormValues {
  rights: readonly string[];
  text: Partial<Record<Exclude<PortalField, "rights">, string>>;
}

/** What the visitor typed, to show back; capped, so a megabyte text is not echoed whole. */
export function keptValues(fields: FormFields): RequestFormValues {
  const text: RequestFormValues["text"] = {};
  for (const field of portalFieldNames) {
    if (field === "rights") continue;
    const value = fields[field];
    if (typeof value === "string") {
      text[field] = value.slice(0, field === "description" ? 10_000 : 1_000);
    }
  }
  const rights = fields.rights;
  const ticked = rights === undefined ? [] : Array.isArray(rights) ? rights : [rights];
  return { rights: ticked.slice(0, 20), text };
}

/** A urlencoded body as strings and lists of strings; anything else is dropped. */
export function formFields(body: unknown): FormFields {
  const fields: FormFields = {};
  if (typeof body !== "object" || body === null) return fields;
  for (const [name, value] of Object.entries(body)) {
    if (typeof value === "string") fields[name] = value;
    else if (Array.isArray(value)) {
      fields[name] = value.filter((item): item is string => typeof item === "string");
    }
  }
  return fields;
}
