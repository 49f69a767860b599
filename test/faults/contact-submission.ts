import { randomBytes } from "node:crypto";

/** A 1×1 PNG: the smallest file the contact API accepts as an image by its bytes. */
const tinyPng = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==",
  "base64",
);

export interface ContactSubmission {
  index: number;
  email: string;
  /** Files sent with it; a stored request must have exactly these, or it was half stored. */
  attachments: number;
}

export type SubmissionOutcome =
  | { submission: ContactSubmission; status: number; reference?: string; errorCode?: string }
  | { submission: ContactSubmission; connectionError: string };

/**
 * A contact request as the embedding site's script sends it to POST /api/contact: JSON, or
 * multipart with files (a FormData) for every fifth one. The API needs no CSRF token and no
 * human check: those guard the site's own form, and an API client never sends cookies.
 */
export function contactSubmissions(count: number): ContactSubmission[] {
  const run = randomBytes(4).toString("hex");
  return Array.from({ length: count }, (_, index) => ({
    index,
    email: `storing.test+${run}.${index}@example.be`,
    attachments: index % 5 === 0 ? 1 + (index % 2) : 0,
  }));
}

export async function submitContact(
  baseUrl: string,
  submission: ContactSubmission,
  language = "nl",
): Promise<SubmissionOutcome> {
  const fields = {
    name: `Storing Test ${submission.index}`,
    email: submission.email,
    subject: `Offerte ${submission.index}`,
    message: `Graag een offerte voor ${submission.index + 1} laptops met installatie.`,
  };
  let body: FormData | string;
  const headers: Record<string, string> = { "accept-language": language };
  if (submission.attachments > 0) {
    const form = new FormData();
    for (const [name, value] of Object.entries(fields)) form.set(name, value);
    for (let file = 0; file < submission.attachments; file++) {
      form.append("attachment", new Blob([tinyPng], { type: "image/png" }), `plan-${file}.png`);
    }
    body = form;
  } else {
    body = JSON.stringify(fields);
    headers["content-type"] = "application/json";
  }
  try {
    const response = await fetch(`${baseUrl}/api/contact`, { method: "POST", headers, body });
    const answer = (await response.json().catch(() => ({}))) as {
      reference?: string;
      error?: { code?: string };
    };
    const outcome: SubmissionOutcome = { submission, status: response.status };
    if (answer.reference) outcome.reference = answer.reference;
    if (answer.error?.code) outcome.errorCode = answer.error.code;
    return outcome;
  } catch (error) {
    return { submission, connectionError: connectionErrorOf(error) };
  }
}

/** fetch says "fetch failed"; the socket's own code (ECONNRESET, ECONNREFUSED…) is in its cause. */
function connectionErrorOf(error: unknown): string {
  const cause = (error as { cause?: { code?: unknown; message?: unknown } }).cause;
  if (typeof cause?.code === "string") return cause.code;
  if (typeof cause?.message === "string") return cause.message;
  return String(error);
}

export function acknowledged(outcomes: readonly SubmissionOutcome[]) {
  return outcomes.flatMap((outcome) =>
    "status" in outcome && outcome.status >= 200 && outcome.status < 300 && outcome.reference
      ? [{ reference: outcome.reference, submission: outcome.submission }]
      : [],
  );
}

/**
 * Sends every submission at once and calls `onAnswer` with the number of 2xx answers so far
 * after each answer (the test kills the server from there). Resolves once every one has an
 * answer or a connection error.
 */
export function submitAllAtOnce(
  baseUrl: string,
  submissions: readonly ContactSubmission[],
  onAnswer: (acknowledgedSoFar: number) => void = () => {},
): Promise<SubmissionOutcome[]> {
  let acknowledgedSoFar = 0;
  return Promise.all(
    submissions.map(async (submission) => {
      const outcome = await submitContact(baseUrl, submission);
      if ("status" in outcome && outcome.status >= 200 && outcome.status < 300) {
        acknowledgedSoFar += 1;
      }
      onAnswer(acknowledgedSoFar);
      return outcome;
    }),
  );
}
