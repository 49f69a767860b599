import { type DestinationStream, type Logger, pino } from "pino";

/**
 * Keys whose values are personal or secret, at any depth of a log object and in any spelling
 * (`toAddress`, `phone_number`, `X-Forwarded-For`): keys are compared lower-cased without `-` and
 * `_`. Pino's own `redact` matches fixed paths only, so a nested or renamed field would slip by.
 */
const personalKeys = new Set([
  "email",
  "emailaddress",
  "to",
  "toaddress",
  "recipient",
  "phone",
  "phonenumber",
  "mobile",
  "name",
  "firstname",
  "lastname",
  "fullname",
  "nickname",
  "password",
  "passcode",
  "pin",
  "secret",
  "token",
  "ip",
  "ipaddress",
  "remoteaddress",
  "address",
  "street",
  "message",
  "detail",
  "body",
  "cookie",
  "setcookie",
  "authorization",
  "xforwardedfor",
  "teamviewerid",
  "teamviewerpassword",
]);

const CENSORED = "[redacted]";
const MAX_DEPTH = 8;

function isPersonalKey(key: string): boolean {
  return personalKeys.has(key.toLowerCase().replace(/[-_]/g, ""));
}

function isPlainObject(value: object): boolean {
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/** A copy of `value` with every personal key's value replaced, at any depth, arrays included. */
export function redactPersonal(value: unknown, depth = 0): unknown {
  if (value === null || typeof value !== "object") return value;
  if (depth >= MAX_DEPTH) return "[too deep]";
  if (value instanceof Error) return serializeError(value);
  if (Array.isArray(value)) return value.map((item) => redactPersonal(item, depth + 1));
  // Requests and replies are left to their serializers below, which keep only safe fields.
  if (!isPlainObject(value)) return value;
  const copy: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    copy[key] = isPersonalKey(key) ? CENSORED : redactPersonal(inner, depth + 1);
  }
  return copy;
}

/**
 * Error texts quote the values that caused them (`invalid input syntax for type uuid: "jan@…"`,
 * `Key (email)=(…)`), so quoted and bracketed values, e-mail addresses and long numbers go.
 */
export function scrubText(text: string): string {
  return text
    .replace(/"[^"]*"|'[^']*'|\([^()]*\)=\([^()]*\)/g, CENSORED)
    .replace(/[^\s@<>()"',;:]+@[^\s@<>()"',;:]+/g, CENSORED)
    .replace(/\+?\d[\d ./-]{5,}\d/g, CENSORED);
}

/** Type, code, scrubbed message and the stack frames, never the raw message nor pg's `detail`. */
export function serializeError(error: unknown): unknown {
  // Pino runs the log formatter before serializers, so an error may arrive already serialized.
  if (!(error instanceof Error)) return error;
  const { code } = error as { code?: unknown };
  const frames = (error.stack ?? "").split("\n").slice(1).join("\n");
  return {
    type: error.name,
    code: typeof code === "string" || typeof code === "number" ? code : undefined,
    // Not called "message": that key is redacted wherever it appears.
    reason: scrubText(String(error.message ?? "").split("\n")[0] ?? ""),
    stack: frames,
  };
}

/** Path segments that look like tokens or ids of 20 characters or more. */
function maskTokens(path: string): string {
  return path.replace(/[A-Za-z0-9_%-]{20,}/g, ":token");
}

export interface LogOptions {
  level: string;
  destination?: DestinationStream;
}

export function createLogger({ level, destination }: LogOptions): Logger {
  return pino(
    {
      level,
      formatters: {
        log: (object) => redactPersonal(object) as Record<string, unknown>,
      },
      serializers: {
        err: serializeError,
        // The default request serializer logs the client IP and the full URL; the IP is personal
        // data and query strings carry tokens and e-mail addresses, so only method and path stay.
        req: (request: {
          method?: string;
          url?: string;
          id?: string;
          routeOptions?: { url?: string };
        }) => ({
          id: request.id,
          method: request.method,
          // The route's pattern ("/admin/setup/:token") where there is one: paths carry tokens.
          path: request.routeOptions?.url ?? maskTokens(request.url?.split("?")[0] ?? ""),
        }),
        res: (reply: { statusCode?: number }) => ({ statusCode: reply.statusCode }),
      },
    },
    destination,
  );
}
