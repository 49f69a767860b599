import fc from "fast-check";

/**
 * Building blocks for hostile input: strings, JSON, form and multipart bodies. Everything here
 * could arrive over a real socket; what each endpoint expects is in endpoint-inputs.ts.
 */

/** Strings that have broken parsers, databases, renderers and log pipelines elsewhere. */
export const edgeCaseStrings = [
  "",
  " ",
  "\uD800",
  "\uDFFF",
  "a\uDC00b\uD83D",
  "\u202Egnp.exe",
  "\u202B\u202D\u2066\u2069",
  "\u200D\u200C\u200B\u2060",
  "👩‍👩‍👧‍👦🏳️‍🌈",
  "\u0000",
  "a\u0000b",
  "e\u0301\u0301\u0301\u0301\u0301",
  "Z\u0337\u0327\u031B\u032F\u0308\u0352",
  "\uFEFF",
  "\uFFFD\uFFFE\uFFFF",
  "\u2028\u2029\u0085",
  "\r\n\r\nX-Injected: 1",
  "𝕳𝖊𝖑𝖑𝖔",
  "ﷺ",
  "' or 1=1--",
  '"; drop table subjects; --',
  "<script>alert(1)</script>",
  "\u0024{7*7}{{7*7}}",
  "%00%C0%AF%ZZ%",
  "../../../../etc/passwd",
  "..\\..\\windows\\win.ini",
  "NaN",
  "-0",
  "1e309",
  "__proto__",
  "constructor",
  "prototype",
  "[object Object]",
  "null",
  "undefined",
  "x".repeat(255),
] as const;

/** Names a prototype-pollution or query-string trick would use. */
export const trickyKeys = [
  "__proto__",
  "constructor",
  "prototype",
  "__proto__[admin]",
  "constructor[prototype][admin]",
  "a[b][c]",
  "toString",
  "hasOwnProperty",
  "_csrf",
  "website",
  "rendered",
  "",
] as const;

const loneSurrogate = fc
  .integer({ min: 0xd800, max: 0xdfff })
  .map((code) => String.fromCharCode(code));
const control = fc.integer({ min: 0, max: 0x1f }).map((code) => String.fromCharCode(code));
const combining = fc.integer({ min: 0x300, max: 0x36f }).map((code) => String.fromCharCode(code));
const bidi = fc.constantFrom("\u202A", "\u202B", "\u202C", "\u202D", "\u202E", "\u2066", "\u2069");

/** One odd character: a lone surrogate, a control, a combining mark, a bidi override, any code point. */
const oddCharacter = fc.oneof(
  loneSurrogate,
  control,
  combining,
  bidi,
  fc.string({ unit: "binary", minLength: 1, maxLength: 1 }),
);

/** Short hostile text: edge cases, odd characters, and any Unicode. */
export const hostileText: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...edgeCaseStrings) },
  { weight: 2, arbitrary: fc.string({ unit: oddCharacter, maxLength: 30 }) },
  { weight: 2, arbitrary: fc.string({ unit: "grapheme", maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 40 }) },
);

/**
 * A long string, built by repetition so it costs little to generate: from a few kB to past the
 * body limit, so both "too long for the field" and 413 are reached.
 */
export function hugeText(bodyLimit: number): fc.Arbitrary<string> {
  return fc
    .tuple(
      fc.oneof(fc.constantFrom("a", "é", "👩‍👩‍👧", "\u0000", "<", "%"), hostileText),
      fc.integer({ min: 1_000, max: Math.floor(bodyLimit * 1.5) }),
    )
    .map(([unit, length]) => (unit === "" ? "x" : unit).repeat(length).slice(0, length));
}

/** A value for a field: usually the good value, sometimes spoiled, sometimes replaced. */
export function fieldText(good: fc.Arbitrary<string>, bodyLimit: number): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 6, arbitrary: good },
    { weight: 4, arbitrary: hostileText },
    { weight: 2, arbitrary: fc.tuple(good, hostileText).map(([value, junk]) => value + junk) },
    { weight: 1, arbitrary: hugeText(bodyLimit) },
  );
}

/** Anything JSON can hold where a string was expected, plus deep nesting. */
export const wrongJsonValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer(),
  fc.double(),
  fc.constantFrom(Number.MAX_SAFE_INTEGER, -1, 0, 1e308),
  fc.array(fc.string({ maxLength: 5 }), { maxLength: 5 }),
  fc.dictionary(fc.constantFrom(...trickyKeys), fc.string({ maxLength: 5 }), { maxKeys: 3 }),
  fc.jsonValue({ maxDepth: 4 }),
  fc.integer({ min: 1, max: 200 }).map((depth) => nested(depth)),
);

function nested(depth: number): unknown {
  let value: unknown = "bottom";
  for (let level = 0; level < depth; level++) value = level % 2 === 0 ? [value] : { a: value };
  return value;
}

/** A lone surrogate: a browser sends U+FFFD for it, and encodeURIComponent would throw. */
const loneSurrogates = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Percent-encodes the UTF-8 bytes of a string, as a browser does (native, so huge text is cheap). */
export function percentEncode(text: string): string {
  return encodeURIComponent(text.replace(loneSurrogates, "\uFFFD"));
}

/** Raw percent sequences no decoder should trust: overlong UTF-8, surrogates, broken escapes. */
export const rawPercentJunk = fc.constantFrom(
  "%C0%AF",
  "%E0%80%AF",
  "%ED%A0%80",
  "%F4%90%80%80",
  "%FF%FE",
  "%",
  "%Z",
  "%%41",
  "%00",
  "%u0041",
  "+",
  "&&==",
  "%252e%252e%252f",
);

export type FormPair = readonly [string, string];

/** A urlencoded body: the pairs in order (a key may repeat), sometimes with raw junk added. */
export function formBody(pairs: fc.Arbitrary<FormPair[]>): fc.Arbitrary<string> {
  return fc
    .tuple(pairs, fc.option(fc.array(rawPercentJunk, { minLength: 1, maxLength: 4 })))
    .map(([list, junk]) => {
      const encoded = list.map(([key, value]) => `${percentEncode(key)}=${percentEncode(value)}`);
      return [...encoded, ...(junk ?? [])].join("&");
    });
}

/** Extra pairs a hostile form adds: prototype keys, repeated keys, junk names. */
export const extraFormPairs: fc.Arbitrary<FormPair[]> = fc.array(
  fc.tuple(fc.oneof(fc.constantFrom(...trickyKeys), hostileText), hostileText),
  { maxLength: 4 },
);

/** Raw bytes that are not valid UTF-8: overlong forms, encoded surrogates, stray continuations. */
export const invalidUtf8 = fc.oneof(
  fc.constantFrom(
    Buffer.from([0xc0, 0xaf]),
    Buffer.from([0xe0, 0x80, 0xaf]),
    Buffer.from([0xed, 0xa0, 0x80]),
    Buffer.from([0xf8, 0x88, 0x80, 0x80, 0x80]),
    Buffer.from([0xff, 0xfe, 0x00, 0x00]),
    Buffer.from([0x80, 0x80, 0x80]),
  ),
  fc.uint8Array({ minLength: 1, maxLength: 64 }).map((bytes) => Buffer.from(bytes)),
);

/** A body that is not what its content type says: raw bytes around or instead of valid text. */
export function spoiledBytes(text: string): fc.Arbitrary<Buffer> {
  return fc
    .tuple(invalidUtf8, fc.integer({ min: 0, max: text.length }))
    .map(([junk, at]) =>
      Buffer.concat([Buffer.from(text.slice(0, at), "utf8"), junk, Buffer.from(text.slice(at))]),
    );
}

/** Deep nesting as raw JSON text, past what a recursive parser survives. */
export const deepJsonText = fc
  .tuple(fc.integer({ min: 1_000, max: 20_000 }), fc.boolean())
  .map(([depth, arrays]) => (arrays ? "[".repeat(depth) : '{"a":'.repeat(depth)));

/** JSON text that is broken or abuses the parser. */
export const brokenJsonText = fc.oneof(
  fc.constantFrom(
    "",
    "{",
    "null",
    "[]",
    '"text"',
    "1e999999",
    '{"__proto__":{"admin":true}}',
    '{"constructor":{"prototype":{"admin":true}}}',
    '{"a":1,"a":2}',
    "{'single':'quotes'}",
    '{"a":"\\ud800"}',
    '{"a":"\\u0000"}',
  ),
  deepJsonText,
  fc.string({ maxLength: 50 }),
);

/** Bytes for a file part: empty, random, or a real format's magic bytes with junk after. */
export const fileContent = fc.oneof(
  fc.constant(Buffer.alloc(0)),
  fc.uint8Array({ maxLength: 256 }).map((bytes) => Buffer.from(bytes)),
  fc
    .tuple(
      fc.constantFrom(
        Buffer.from("%PDF-1.7\n"),
        Buffer.from("89504e470d0a1a0a0000000d49484452", "hex"),
        Buffer.from("ffd8ffe000104a464946", "hex"),
        Buffer.from("504b0304", "hex"),
        Buffer.from("MZ\x90\x00"),
        Buffer.from("<svg onload=alert(1)>"),
      ),
      fc.uint8Array({ maxLength: 128 }),
    )
    .map(([magic, rest]) => Buffer.concat([magic, Buffer.from(rest)])),
  fc.integer({ min: 10_000, max: 80_000 }).map((size) => Buffer.alloc(size, 0x41)),
);

export type MultipartPart =
  | { name: string; value: string }
  | { name: string; filename: string; type: string; content: Buffer };

/** A file name a browser would never send: paths, quotes, controls, thousands of characters. */
export const hostileFileName = fc.oneof(
  fc.constantFrom("cv.pdf", "photo.png", "", "..\\..\\boot.ini", "../../etc/passwd", 'a".pdf'),
  hostileText,
  fc.integer({ min: 256, max: 20_000 }).map((length) => "n".repeat(length)),
);

/** What happens to a well-formed multipart body before it is sent. */
export type MultipartDamage =
  | { kind: "none" }
  | { kind: "truncate"; keep: number }
  | { kind: "no_boundary_param" }
  | { kind: "wrong_boundary" }
  | { kind: "no_disposition" }
  | { kind: "no_final_boundary" };

export const multipartDamage: fc.Arbitrary<MultipartDamage> = fc.oneof(
  { weight: 6, arbitrary: fc.constant({ kind: "none" } as const) },
  {
    weight: 1,
    arbitrary: fc
      .double({ min: 0, max: 1, noNaN: true })
      .map((keep) => ({ kind: "truncate", keep }) as const),
  },
  { weight: 1, arbitrary: fc.constant({ kind: "no_boundary_param" } as const) },
  { weight: 1, arbitrary: fc.constant({ kind: "wrong_boundary" } as const) },
  { weight: 1, arbitrary: fc.constant({ kind: "no_disposition" } as const) },
  { weight: 1, arbitrary: fc.constant({ kind: "no_final_boundary" } as const) },
);

const boundary = "----witsFuzzBoundary7MA4YWxk";

/** Builds a multipart body from its parts, then damages it as told. */
export function multipartBody(
  parts: readonly MultipartPart[],
  damage: MultipartDamage,
): { contentType: string; payload: Buffer } {
  const chunks: Buffer[] = [];
  for (const part of parts) {
    const content = "filename" in part ? part.content : Buffer.from(part.value, "utf8");
    // @fastify/busboy 3.2.6 skips a part without Content-Disposition or with a line break in its
    // name, and never finishes the body when such a part exceeds 16 kB: the request hangs.
    // fuzz-findings.test.ts keeps that as a known failure; here only small parts get either.
    const small = content.length < 8_192;
    const safe = (text: string) => (small ? text : text.replace(/[\r\n]/g, "_"));
    const disposition =
      "filename" in part
        ? `form-data; name="${safe(part.name)}"; filename="${safe(part.filename)}"\r\nContent-Type: ${part.type}`
        : `form-data; name="${safe(part.name)}"`;
    const header =
      damage.kind === "no_disposition" && small
        ? "X-Nothing: here"
        : `Content-Disposition: ${disposition}`;
    chunks.push(Buffer.from(`--${boundary}\r\n${header}\r\n\r\n`, "utf8"));
    chunks.push(content);
    chunks.push(Buffer.from("\r\n"));
  }
  if (damage.kind !== "no_final_boundary") chunks.push(Buffer.from(`--${boundary}--\r\n`));
  let payload = Buffer.concat(chunks);
  if (damage.kind === "truncate")
    payload = payload.subarray(0, Math.floor(payload.length * damage.keep));
  const contentType =
    damage.kind === "no_boundary_param"
      ? "multipart/form-data"
      : damage.kind === "wrong_boundary"
        ? "multipart/form-data; boundary=somethingElse"
        : `multipart/form-data; boundary=${boundary}`;
  return { contentType, payload };
}

/** Many small parts, past the parser's limits. */
export const manyParts: fc.Arbitrary<MultipartPart[]> = fc
  .integer({ min: 30, max: 150 })
  .map((count) => Array.from({ length: count }, (_, index) => ({ name: `f${index}`, value: "x" })));

/** A path segment where an id or token goes: existing ones, strangers, and garbage. */
export function pathSegment(existing: readonly string[]): fc.Arbitrary<string> {
  const known = existing.length > 0 ? [existing] : [];
  return fc.oneof(
    ...known.map((list) => ({ weight: 4, arbitrary: fc.constantFrom(...list) })),
    ...known.map((list) => ({
      weight: 1,
      arbitrary: fc.constantFrom(...list).map((value) => value.toUpperCase()),
    })),
    { weight: 2, arbitrary: fc.uuid() },
    {
      weight: 2,
      arbitrary: fc.constantFrom(
        "..%2f..%2f..%2fetc%2fpasswd",
        "%2e%2e%2f%2e%2e%2f",
        "%252e%252e%252f",
        "..%5c..%5cwindows",
        "%00",
        "%",
        "%zz",
        "%C0%AF",
        "%ED%A0%80",
        "00000000-0000-0000-0000-000000000000",
        "ffffffff-ffff-ffff-ffff-ffffffffffff%00",
        "1;drop table subjects",
        "undefined",
        "__proto__",
        "a".repeat(5_000),
      ),
    },
    { weight: 2, arbitrary: hostileText.map(percentEncode) },
    {
      weight: 1,
      arbitrary: fc.string({ unit: "grapheme-ascii", maxLength: 60 }).map(percentEncode),
    },
  );
}
