import fc from "fast-check";
import type { BodyDraft } from "./fuzz-request.ts";
import { corsOrigin, type FuzzWorld, ordersToken } from "./fuzz-world.ts";

const absent = Symbol("absent");
/** Present in `present` of `present + missing` cases. */
const maybe = <Value>(arbitrary: fc.Arbitrary<Value>, present: number, missing: number) =>
  fc.oneof({ weight: present, arbitrary }, { weight: missing, arbitrary: fc.constant(absent) });

/** A header value a real socket can carry: printable Latin-1, no line breaks. */
const headerText = fc.string({
  unit: fc
    .integer({ min: 0x20, max: 0xff })
    .filter((code) => code !== 0x7f)
    .map((code) => String.fromCharCode(code)),
  maxLength: 60,
});

const hugeHeader = fc.integer({ min: 1_000, max: 60_000 }).map((n) => "c=v; ".repeat(n / 5));

/** The headers of one input: mostly a browser's, with wrong, absent, huge and spoofed ones mixed in. */
export function headersFor(
  body: BodyDraft,
  world: FuzzWorld,
): fc.Arbitrary<Record<string, string>> {
  const contentType = body.contentType
    ? fc.oneof(
        { weight: 30, arbitrary: fc.constant(body.contentType) },
        {
          weight: 1,
          arbitrary: fc.constantFrom(
            "text/plain",
            "application/json",
            "application/x-www-form-urlencoded",
            "multipart/form-data",
            "application/json; charset=utf-16",
            "application/octet-stream",
            "*/*",
            "",
          ),
        },
        { weight: 1, arbitrary: headerText },
      )
    : fc.constant(absent);
  const headers = {
    "content-type": fc.oneof(
      { weight: 30, arbitrary: contentType },
      { weight: 1, arbitrary: fc.constant(absent) },
    ),
    cookie: fc.oneof(
      { weight: 40, arbitrary: fc.constant(world.cookie) },
      { weight: 1, arbitrary: fc.constant(absent) },
      { weight: 1, arbitrary: headerText },
      { weight: 1, arbitrary: hugeHeader },
      {
        weight: 1,
        arbitrary: fc
          .uuid()
          .map((id) => `${world.cookie}; _csrf=forged; wits_staff=${id}; lang=xx`),
      },
    ),
    "accept-language": maybe(
      fc.oneof(
        fc.constantFrom("nl-BE,nl;q=0.9", "fr", "en-GB", "*", "xx-YY;q=2", ";;;,,,", "nl;q=abc"),
        headerText,
        hugeHeader,
      ),
      2,
      1,
    ),
    "x-forwarded-for": maybe(
      fc.oneof(fc.constantFrom("127.0.0.1", "10.0.0.1, 203.0.113.9", "::1", "unknown"), headerText),
      1,
      3,
    ),
    origin: maybe(
      fc.oneof(
        fc.constantFrom(
          corsOrigin,
          "null",
          "https://evil.example",
          "http://www.wits.be",
          `${corsOrigin}.evil.example`,
        ),
        headerText,
      ),
      1,
      2,
    ),
    authorization: maybe(
      fc.oneof(
        { weight: 4, arbitrary: fc.constant(`Bearer ${ordersToken}`) },
        fc.constantFrom(`bearer  ${ordersToken}  `, "Bearer", "Basic YWRtaW46YWRtaW4="),
        headerText,
      ),
      2,
      1,
    ),
    "idempotency-key": maybe(
      fc.oneof(fc.constantFrom(...world.secrets), headerText, hugeHeader),
      2,
      1,
    ),
    "content-length": maybe(
      fc.constantFrom("-1", "abc", "99999999999999999999", "0", "1e3", "1048577", "12, 13"),
      1,
      12,
    ),
    accept: maybe(
      fc.oneof(
        fc.constantFrom("application/json", "text/html", "*/*", "application/pdf"),
        headerText,
      ),
      1,
      2,
    ),
    referer: maybe(
      fc.oneof(fc.constantFrom("http://localhost/contact", "javascript:alert(1)"), headerText),
      1,
      4,
    ),
    "user-agent": maybe(fc.oneof(headerText, hugeHeader), 1, 3),
    "x-csrf-token": body.csrfHeader ? fc.constant(body.csrfHeader) : maybe(headerText, 1, 8),
  };
  return fc.record(headers).map((record) => {
    const present: Record<string, string> = {};
    for (const [name, value] of Object.entries(record)) {
      if (value !== absent) present[name] = value as string;
    }
    return present;
  });
}
