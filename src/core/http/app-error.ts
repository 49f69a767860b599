import type { MessageKey, MessageParams } from "../i18n/index.ts";

/** The closed set of failures a visitor or API client can be told about, and their status. */
export const errorStatus = {
  bad_request: 400,
  validation: 400,
  unauthorized: 401,
  forbidden: 403,
  csrf: 403,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  internal: 500,
  unavailable: 503,
} as const;

export type ErrorCode = keyof typeof errorStatus;

export interface FieldProblem {
  /** Dotted path of the field, e.g. `email` or `attachments.0`. */
  field: string;
  message: string;
}

/**
 * The one error type routes and services throw for expected failures. Its message is an i18n key,
 * rendered in the visitor's language by the error handler; a 5xx never shows anything but the
 * generic text.
 */
export class AppError extends Error {
  override name = "AppError";
  readonly statusCode: number;

  constructor(
    readonly code: ErrorCode,
    readonly options: { params?: MessageParams; fields?: FieldProblem[]; cause?: unknown } = {},
  ) {
    super(code, { cause: options.cause });
    this.statusCode = errorStatus[code];
  }

  get messageKey(): MessageKey {
    return `error.${this.code}`;
  }
}

/** Maps the status of a framework or plugin error (bad JSON, body too large…) to our codes. */
export function codeForStatus(status: number): ErrorCode {
  const byStatus: Partial<Record<number, ErrorCode>> = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    406: "unsupported_media_type",
    409: "conflict",
    413: "too_large",
    415: "unsupported_media_type",
    429: "rate_limited",
    503: "unavailable",
  };
  if (byStatus[status]) return byStatus[status];
  return status >= 400 && status < 500 ? "bad_request" : "internal";
}
