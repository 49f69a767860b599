import { type DestinationStream, type Logger, pino } from "pino";

/**
 * Keys whose values are personal or secret wherever they appear in a log object. Pino matches
 * paths, not keys, so each key is listed at the depths our code logs (top level, one and two
 * levels down); a test proves a request carrying each of them logs none of their values.
 */
export const redactedKeys = [
  "email",
  "phone",
  "name",
  "firstName",
  "lastName",
  "password",
  "token",
  "ip",
  "remoteAddress",
  "address",
  "message",
  "cookie",
  "authorization",
  "set-cookie",
  "x-forwarded-for",
  "teamviewerPassword",
] as const;

function redactPaths(): string[] {
  const paths: string[] = [];
  for (const key of redactedKeys) {
    const segment = /^[a-zA-Z_$][\w$]*$/.test(key) ? key : `["${key}"]`;
    const join = (prefix: string) =>
      segment.startsWith("[") ? `${prefix}${segment}` : `${prefix}.${segment}`;
    // The top-level "message" key is pino's own message text, so it is only redacted nested.
    if (key !== "message") paths.push(segment.startsWith("[") ? segment.slice(2, -2) : segment);
    paths.push(join("*"), join("*.*"));
  }
  return paths;
}

export interface LogOptions {
  level: string;
  destination?: DestinationStream;
}

export function createLogger({ level, destination }: LogOptions): Logger {
  return pino(
    {
      level,
      redact: { paths: redactPaths(), censor: "[redacted]" },
      serializers: {
        // The default request serializer logs the client IP and the full URL; the IP is personal
        // data and query strings carry tokens and e-mail addresses, so only method and path stay.
        req: (request: { method?: string; url?: string; id?: string }) => ({
          id: request.id,
          method: request.method,
          path: request.url?.split("?")[0],
        }),
        res: (reply: { statusCode?: number }) => ({ statusCode: reply.statusCode }),
      },
    },
    destination,
  );
}
