import { z } from "zod";
import type { Db } from "../../core/db/database.ts";
import type { MessageKey } from "../../core/i18n/index.ts";
import { isoDay } from "../../datamap/index.ts";
import type { Vault } from "../../vault/index.ts";
import {
  findPeopleConcerned,
  identifierLines,
  maxPeoplePerDisclosure,
} from "./people-concerned.ts";

export const disclosureLimits = {
  authority: 200,
  legalBasis: 500,
  authorityReference: 200,
  dataGiven: 2000,
  identifiers: 10_000,
} as const;

const formText = (max: number) => z.string().max(max).optional().default("");

/** The register-a-disclosure form as posted; over-long text is a 400 before it is read. */
export const disclosureBody = z.object({
  disclosedOn: formText(40),
  authority: formText(disclosureLimits.authority),
  legalBasis: formText(disclosureLimits.legalBasis),
  authorityReference: formText(disclosureLimits.authorityReference),
  dataGiven: formText(disclosureLimits.dataGiven),
  identifiers: formText(disclosureLimits.identifiers),
  confidential: z.literal("on").optional(),
  _csrf: z.string().optional(),
});

/** The form as typed, kept when it is refused. */
export interface DisclosureForm {
  disclosedOn: string;
  authority: string;
  legalBasis: string;
  authorityReference: string;
  dataGiven: string;
  identifiers: string;
  confidential: boolean;
}

export type DisclosureField = Exclude<keyof DisclosureForm, "confidential">;

export function emptyDisclosureForm(today: string, identifiers = ""): DisclosureForm {
  return {
    disclosedOn: today,
    authority: "",
    legalBasis: "",
    authorityReference: "",
    dataGiven: "",
    identifiers,
    confidential: false,
  };
}

export function disclosureFormOf(body: z.infer<typeof disclosureBody>): DisclosureForm {
  const { _csrf, confidential, ...text } = body;
  return { ...text, confidential: confidential === "on" };
}

/** A disclosure read from the form, ready to store. */
export interface NewDisclosure {
  disclosedOn: string;
  authority: string;
  legalBasis: string;
  authorityReference: string;
  dataGiven: string;
  subjectIds: string[];
  subjectMayBeTold: boolean;
}

export interface DisclosureProblem {
  key: MessageKey;
  params?: Record<string, string | number>;
}

export type DisclosureFormResult =
  | { ok: true; disclosure: NewDisclosure }
  | { ok: false; problems: Partial<Record<DisclosureField, DisclosureProblem>> };

/** UTC+14, the time zone where a day starts first. */
const latestTimeZoneMs = 14 * 60 * 60 * 1000;

/**
 * The latest day a disclosure can have happened: "today" somewhere on earth. A disclosure typed
 * just after midnight in Brussels is not refused as future, while tomorrow everywhere still is.
 */
export function latestDisclosureDay(now: Date): string {
  return isoDay(new Date(now.getTime() + latestTimeZoneMs));
}

/** The texts describe kinds of data; an address typed into them is the data itself. */
const emailAddress = /[^\s@]+@[^\s@]+\.[^\s@]+/;

/** Reads the form, finding the people concerned; every problem at once, so one round trip fixes all. */
export async function readDisclosureForm(
  deps: { db: Db; vault: Vault },
  form: DisclosureForm,
  now: Date,
): Promise<DisclosureFormResult> {
  const problems: Partial<Record<DisclosureField, DisclosureProblem>> = {};
  const disclosedOn = form.disclosedOn.trim();
  if (!isCalendarDay(disclosedOn)) problems.disclosedOn = { key: "disclosures.error.disclosed_on" };
  else if (disclosedOn > latestDisclosureDay(now)) {
    problems.disclosedOn = { key: "disclosures.error.future" };
  }
  const authority = form.authority.trim();
  if (authority.length < 2) problems.authority = { key: "disclosures.error.authority" };
  const legalBasis = form.legalBasis.trim();
  if (legalBasis.length < 2) problems.legalBasis = { key: "disclosures.error.legal_basis" };
  const authorityReference = form.authorityReference.trim();
  if (authorityReference === "") {
    problems.authorityReference = { key: "disclosures.error.authority_reference" };
  }
  const dataGiven = form.dataGiven.trim();
  if (dataGiven.length < 2) problems.dataGiven = { key: "disclosures.error.data_given" };
  else if (emailAddress.test(dataGiven)) {
    problems.dataGiven = { key: "disclosures.error.data_given_copied" };
  }
  const subjectIds = await readPeople(deps, form.identifiers, problems);
  if (Object.keys(problems).length > 0) return { ok: false, problems };
  return {
    ok: true,
    disclosure: {
      disclosedOn,
      authority,
      legalBasis,
      authorityReference,
      dataGiven,
      subjectIds,
      subjectMayBeTold: !form.confidential,
    },
  };
}

async function readPeople(
  deps: { db: Db; vault: Vault },
  identifiers: string,
  problems: Partial<Record<DisclosureField, DisclosureProblem>>,
): Promise<string[]> {
  const lines = identifierLines(identifiers);
  if (lines.length === 0) {
    problems.identifiers = { key: "disclosures.error.identifiers" };
    return [];
  }
  if (lines.length > maxPeoplePerDisclosure) {
    problems.identifiers = {
      key: "disclosures.error.too_many",
      params: { max: maxPeoplePerDisclosure },
    };
    return [];
  }
  const people = await findPeopleConcerned(deps, lines);
  if (people.unknown.length > 0) {
    problems.identifiers = {
      key: "disclosures.error.unknown",
      params: { identifiers: people.unknown.join(", ") },
    };
  }
  return people.subjectIds;
}

/** `YYYY-MM-DD` that is a real day (not 2026-02-30), as a date input sends it. */
function isCalendarDay(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const day = new Date(`${text}T00:00:00.000Z`);
  return !Number.isNaN(day.getTime()) && isoDay(day) === text;
}
