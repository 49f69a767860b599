import { isIP } from "node:net";
import { z } from "zod";

/**
 * Every environment variable the product reads, with its default and an example of a good
 * value. This is the only module that touches `process.env`; the parsed result is frozen and
 * passed down, so tests build a config without mutating the environment.
 */
const optionalString = z
  .string()
  .trim()
  .transform((value) => (value === "" ? undefined : value))
  .optional();

const integer = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

const booleanFlag = z
  .enum(["true", "false", "1", "0", "yes", "no"])
  .transform((value) => value === "true" || value === "1" || value === "yes");

const url = (protocols: readonly string[]) =>
  z
    .string()
    .trim()
    .refine(
      (value) => {
        try {
          return protocols.includes(new URL(value).protocol);
        } catch {
          return false;
        }
      },
      `must be a URL starting with ${protocols.map((p) => `${p}//`).join(" or ")}`,
    );

/** What Fastify's proxy-addr accepts: an address, a CIDR range, or one of its named ranges. */
function isProxyAddress(value: string): boolean {
  if (["loopback", "linklocal", "uniquelocal"].includes(value)) return true;
  const [address = "", prefix, ...rest] = value.split("/");
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  const bits = Number(prefix);
  return /^\d+$/.test(prefix) && bits <= (family === 4 ? 32 : 128);
}

function isBase64Key(value: string): boolean {
  return /^[A-Za-z0-9+/]{43}=$/.test(value) && Buffer.from(value, "base64").length === 32;
}

function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

function isHttpsOrigin(value: string): boolean {
  try {
    const parsed = new URL(value);
    return parsed.protocol === "https:" && parsed.origin === value;
  } catch {
    return false;
  }
}

/** What the contact form accepts unless CONTACT_ALLOWED_TYPES says otherwise. */
export const defaultContactTypes = [
  "application/pdf",
  "image/png",
  "image/jpeg",
  "image/gif",
  "image/webp",
  "application/vnd.openxmlformats-officedocument.*",
  "application/msword",
  "application/vnd.ms-excel",
  "application/vnd.oasis.opendocument.*",
  "text/plain",
  "text/csv",
  "application/zip",
] as const;

const mediaTypePattern = /^[a-z]+\/(?:\*|[a-z0-9][a-z0-9.+-]*(?:\.\*)?)$/;

export const configVariables = {
  PORT: { schema: integer(0, 65535).default(3000), example: "3000" },
  HOST: { schema: z.string().trim().min(1).default("localhost"), example: "0.0.0.0" },
  PUBLIC_URL: {
    schema: url(["http:", "https:"]).default("http://localhost:3000"),
    example: "https://privacy.example.be",
  },
  DATA_DIR: { schema: z.string().trim().min(1).default("./data"), example: "./data" },
  DATABASE_URL: {
    schema: url(["postgres:", "postgresql:"]).optional(),
    example: "postgres://wits@127.0.0.1:5432/wits",
  },
  POLICY_FILE: {
    schema: optionalString,
    example: "/etc/wits-privacy/policy.yaml",
  },
  LOG_LEVEL: {
    schema: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
    example: "info",
  },
  SMTP_URL: { schema: url(["smtp:", "smtps:"]).optional(), example: "smtp://user:pass@mail:587" },
  MAIL_FROM: {
    schema: z
      .string()
      .trim()
      .regex(
        /^(?:[^<>]*<[^\s<>@]+@[^\s<>@]+>|[^\s<>@]+@[^\s<>@]+)$/,
        "must be an e-mail address, optionally as Name <address>",
      )
      .default("WITS Privacy <privacy@localhost>"),
    example: "WITS <privacy@wits.be>",
  },
  /** SMTP connections the delivery job keeps open, and mails it sends at once, per process. */
  MAIL_CONCURRENCY: { schema: integer(1, 32).default(4), example: "4" },
  /**
   * Most mails the delivery job starts per second, per process (so a provider's sending limit
   * is not exceeded); 0 is unlimited.
   */
  MAIL_RATE_PER_SECOND: { schema: integer(0, 100_000).default(0), example: "50" },
  TRUST_PROXY: {
    schema: optionalString
      .transform((value) => (value ? value.split(",").map((proxy) => proxy.trim()) : []))
      .refine(
        (proxies) => proxies.every(isProxyAddress),
        "must be IP addresses or CIDR ranges separated by commas",
      ),
    example: "127.0.0.1,10.0.0.0/8",
  },
  COOKIE_SECRET: {
    schema: z.string().min(32, "must be at least 32 characters").optional(),
    example: "a random string of 32 or more characters",
  },
  /**
   * The web shop's bearer token for POST /api/orders: a long random secret shared with the shop
   * only. Unset, the route answers 503, so no order arrives unauthenticated.
   */
  ORDERS_API_TOKEN: {
    schema: z.string().min(32, "must be at least 32 characters").optional(),
    example: "$(openssl rand -base64 32)",
  },
  WITS_MASTER_KEY: {
    schema: z
      .string()
      .trim()
      .refine(isBase64Key, "must be 32 random bytes in base64 (openssl rand -base64 32)")
      .optional(),
    example: "$(openssl rand -base64 32)",
  },
  WITS_MASTER_KEY_PREVIOUS: {
    schema: z
      .string()
      .trim()
      .refine(isBase64Key, "must be 32 random bytes in base64 (the key before rotation)")
      .optional(),
    example: "the previous WITS_MASTER_KEY, during `wits-privacy keys rotate`",
  },
  ERASURE_LEDGER_PATH: {
    schema: optionalString,
    example: "/var/lib/wits-privacy-ledger/erasures.jsonl",
  },
  STAFF_SESSION_IDLE_MINUTES: { schema: integer(1, 24 * 60).default(30), example: "30" },
  STAFF_SESSION_ABSOLUTE_HOURS: { schema: integer(1, 24 * 30).default(12), example: "12" },
  RATE_LIMIT_PER_MINUTE: { schema: integer(1, 100_000).default(300), example: "300" },
  CONTACT_POSTS_PER_MINUTE: { schema: integer(1, 100_000).default(10), example: "10" },
  BODY_LIMIT_BYTES: { schema: integer(1024, 100_000_000).default(1_048_576), example: "1048576" },
  UPLOAD_MAX_FILE_BYTES: {
    schema: integer(1024, 1_000_000_000).default(10_485_760),
    example: "10485760",
  },
  UPLOAD_MAX_TOTAL_BYTES: {
    schema: integer(1024, 1_000_000_000).default(26_214_400),
    example: "26214400",
  },
  UPLOAD_MAX_FILES: { schema: integer(0, 100).default(5), example: "5" },
  /**
   * Origins (scheme://host[:port], https only) whose web pages may call POST /api/contact from
   * a browser; every other origin gets no CORS headers. Empty: only same-origin callers.
   */
  CONTACT_CORS_ORIGINS: {
    schema: optionalString
      .transform((value) => (value ? value.split(",").map((origin) => origin.trim()) : []))
      .refine(
        (origins) => origins.every(isHttpsOrigin),
        "must be https origins without a path, separated by commas",
      ),
    example: "https://www.wits.be,https://wits.be",
  },
  /**
   * Attachment types the contact form accepts, checked against the type sniffed from the bytes
   * (never the name); `prefix.*` allows a family, e.g. every OOXML document.
   */
  CONTACT_ALLOWED_TYPES: {
    schema: z
      .string()
      .trim()
      .default(defaultContactTypes.join(","))
      .transform((value) =>
        value
          .split(",")
          .map((type) => type.trim().toLowerCase())
          .filter(Boolean),
      )
      .refine(
        (types) => types.length > 0 && types.every((type) => mediaTypePattern.test(type)),
        "must be MIME types separated by commas, optionally ending in .* or /*",
      ),
    example: "application/pdf,image/png,image/jpeg,text/plain",
  },
  /**
   * Pages of the company website the daily `cookies.scan` job opens in chromium to check that
   * no cookie beyond the necessary ones is set before a choice or after a refusal. Empty: the
   * job does nothing.
   */
  COOKIE_SCAN_URLS: {
    schema: optionalString
      .transform((value) =>
        value
          ? value
              .split(",")
              .map((page) => page.trim())
              .filter(Boolean)
          : [],
      )
      .refine(
        (pages) => pages.every((page) => url(["http:", "https:"]).safeParse(page).success),
        "must be http or https URLs separated by commas",
      ),
    example: "https://www.wits.be/,https://www.wits.be/contact",
  },
  /** The chromium the cookie scanner drives (Debian's package by default, never a download). */
  CHROMIUM_PATH: {
    schema: z.string().trim().min(1).default("/usr/bin/chromium"),
    example: "/usr/bin/chromium",
  },
  JOBS_ENABLED: { schema: booleanFlag.default(true), example: "true" },
  JOBS_TIMEZONE: {
    schema: z
      .string()
      .trim()
      .refine(isTimeZone, "is not an IANA time zone")
      .default("Europe/Brussels"),
    example: "Europe/Brussels",
  },
  SHUTDOWN_TIMEOUT_MS: { schema: integer(0, 600_000).default(10_000), example: "10000" },
} as const;

type Variables = typeof configVariables;
export type ConfigName = keyof Variables;
export type Config = Readonly<{ [K in ConfigName]: z.output<Variables[K]["schema"]> }>;

/** Values that may hold a password: never printed, not even when refused. */
const credentialVariables = new Set<ConfigName>([
  "DATABASE_URL",
  "SMTP_URL",
  "COOKIE_SECRET",
  "ORDERS_API_TOKEN",
  "WITS_MASTER_KEY",
  "WITS_MASTER_KEY_PREVIOUS",
]);

export class ConfigError extends Error {
  override name = "ConfigError";
}

/** Parses `env` into a frozen config; the first bad variable throws a one-line ConfigError. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed: Record<string, unknown> = {};
  for (const [name, variable] of Object.entries(configVariables) as [
    ConfigName,
    Variables[ConfigName],
  ][]) {
    const raw = env[name];
    const input = raw === undefined || raw === "" ? undefined : raw;
    const result = variable.schema.safeParse(input);
    if (!result.success) {
      const problem = result.error.issues[0]?.message ?? "is invalid";
      const shown = credentialVariables.has(name) ? "(hidden)" : `"${raw}"`;
      throw new ConfigError(
        `Invalid configuration: ${name}=${shown} ${problem} (example: ${name}=${variable.example})`,
      );
    }
    parsed[name] = result.data;
  }
  const config = parsed as Config;
  if (config.UPLOAD_MAX_FILE_BYTES > config.UPLOAD_MAX_TOTAL_BYTES) {
    throw new ConfigError(
      `Invalid configuration: UPLOAD_MAX_FILE_BYTES=${config.UPLOAD_MAX_FILE_BYTES} is larger than UPLOAD_MAX_TOTAL_BYTES=${config.UPLOAD_MAX_TOTAL_BYTES} (example: UPLOAD_MAX_FILE_BYTES=10485760)`,
    );
  }
  return Object.freeze(config);
}
