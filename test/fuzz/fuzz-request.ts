import fc from "fast-check";
import {
  brokenJsonText,
  extraFormPairs,
  type FormPair,
  fieldText,
  fileContent,
  formBody,
  hostileFileName,
  hostileText,
  hugeText,
  type MultipartPart,
  manyParts,
  multipartBody,
  multipartDamage,
  pathSegment,
  percentEncode,
  rawPercentJunk,
  spoiledBytes,
  wrongJsonValue,
} from "./arbitraries.ts";
import type { BodyEncoding, EndpointInput } from "./endpoint-inputs.ts";
import { headersFor } from "./fuzz-headers.ts";
import { type FuzzWorld, formPages } from "./fuzz-world.ts";
import type { PublicEndpoint } from "./public-endpoints.ts";

/** One generated request, as app.inject() takes it. */
export interface FuzzRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  payload?: string | Buffer;
  remoteAddress: string;
}

export interface FuzzContext {
  world: FuzzWorld;
  /** The app's BODY_LIMIT_BYTES: huge inputs go up to and past it. */
  bodyLimit: number;
}

export interface BodyDraft {
  contentType?: string;
  payload?: string | Buffer;
  /** The CSRF token, when this input sends it as a header instead of a field. */
  csrfHeader?: string;
}

type Pair = [string, unknown];

/** The request arbitrary of one endpoint; `input` describes the body of routes that change things. */
export function fuzzRequest(
  endpoint: PublicEndpoint,
  input: EndpointInput | undefined,
  context: FuzzContext,
): fc.Arbitrary<FuzzRequest> {
  const method =
    endpoint.method === "GET"
      ? fc.oneof(
          { weight: 9, arbitrary: fc.constant("GET") },
          { weight: 1, arbitrary: fc.constant("HEAD") },
        )
      : fc.constant(endpoint.method);
  return fc
    .record({
      method,
      url: urlFor(endpoint.url, context.world),
      body: input ? bodyFor(endpoint.url, input, context) : strayBody(context),
      remoteAddress: remoteAddress,
    })
    .chain(({ method, url, body, remoteAddress }) =>
      headersFor(body, context.world).map((headers) => ({
        method,
        url,
        headers,
        remoteAddress,
        ...(body.payload === undefined ? {} : { payload: body.payload }),
      })),
    );
}

/** Mostly strangers on their own address; some on shared ones, so the rate limits are met too. */
const remoteAddress = fc.oneof(
  { weight: 8, arbitrary: fc.ipV4() },
  { weight: 1, arbitrary: fc.ipV6() },
  { weight: 1, arbitrary: fc.constantFrom("203.0.113.7", "::1", "127.0.0.1") },
);

// ---- URL -----------------------------------------------------------------------------------------

const queryKeys = [
  "token",
  "sig",
  "ref",
  "next",
  "lang",
  "against",
  "contact",
  "done",
  "redacted",
  "quarantine",
  "customer",
] as const;

function queryFor(world: FuzzWorld): fc.Arbitrary<string> {
  const value = fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...world.secrets, "nl", "fr", "en", "show", "saved") },
    { weight: 3, arbitrary: hostileText },
    { weight: 1, arbitrary: fc.integer({ min: 2_000, max: 20_000 }).map((n) => "q".repeat(n)) },
  );
  const key = fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...queryKeys) },
    { weight: 1, arbitrary: fc.constantFrom("__proto__", "constructor[prototype]", "lang[]") },
    { weight: 1, arbitrary: hostileText },
  );
  return fc
    .tuple(fc.array(fc.tuple(key, value), { maxLength: 4 }), fc.option(rawPercentJunk, { freq: 5 }))
    .map(([pairs, junk]) =>
      [...pairs.map(([name, text]) => `${percentEncode(name)}=${percentEncode(text)}`), junk]
        .filter((part) => part !== null)
        .join("&"),
    );
}

const staticPaths = fc.constantFrom(
  "pico.min.css",
  "site.css",
  "favicon.svg",
  "swagger-ui.css",
  "..%2f..%2fpackage.json",
  "%2e%2e/%2e%2e/%2e%2e/etc/passwd",
  "....//....//etc/passwd",
  "a/b/c/d/e/f/g/h/i/j/k",
  ".env",
  "%00.css",
);

/** A concrete URL for a route pattern: a working link, or the pattern with odd parameters. */
function urlFor(pattern: string, world: FuzzWorld): fc.Arbitrary<string> {
  const segment = pathSegment([...world.ids, ...world.secrets]);
  const parts = pattern.split(/(:[A-Za-z]+|\*)/);
  const built = fc
    .tuple(
      ...parts.map((part) =>
        part === "*"
          ? fc.oneof(staticPaths, segment)
          : part.startsWith(":")
            ? segment
            : fc.constant(part),
      ),
    )
    .map((pieces) => pieces.join(""));
  const links = world.links.get(pattern) ?? [];
  const base =
    links.length > 0
      ? fc.oneof(
          { weight: 3, arbitrary: fc.constantFrom(...links) },
          { weight: 5, arbitrary: built },
        )
      : built;
  return fc
    .tuple(base, fc.option(queryFor(world), { freq: 2 }))
    .map(([url, query]) =>
      query === null || query === "" ? url : `${url}${url.includes("?") ? "&" : "?"}${query}`,
    );
}

// ---- Body ------------------------------------------------------------------------------------------

/** A body where none is expected: usually nothing, sometimes junk with a content type. */
function strayBody(context: FuzzContext): fc.Arbitrary<BodyDraft> {
  return fc.oneof(
    { weight: 8, arbitrary: fc.constant({}) },
    {
      weight: 1,
      arbitrary: brokenJsonText.map((payload) => ({ contentType: "application/json", payload })),
    },
    {
      weight: 1,
      arbitrary: hugeText(context.bodyLimit).map((payload) => ({
        contentType: "application/x-www-form-urlencoded",
        payload,
      })),
    },
  );
}

/**
 * A field's value: mostly kept, so a fair share of the inputs is accepted and reaches the
 * services and the database; otherwise replaced, lengthened or of the wrong type.
 */
function spoil(value: unknown, bodyLimit: number): fc.Arbitrary<unknown> {
  const hostile =
    typeof value === "string" ? fieldText(fc.constant(value), bodyLimit) : hostileText;
  return fc.oneof(
    { weight: 8, arbitrary: fc.constant(value) },
    { weight: 4, arbitrary: hostile },
    { weight: 1, arbitrary: wrongJsonValue },
  );
}

/** The endpoint's fields, each spoiled, dropped or repeated, plus hostile extra fields. */
function spoiledFields(input: EndpointInput, context: FuzzContext): fc.Arbitrary<Pair[]> {
  return input.fields(context.world).chain((good) => {
    const each = Object.entries(good).map(([name, value]) =>
      fc.oneof(
        {
          weight: 12,
          arbitrary: spoil(value, context.bodyLimit).map((one): Pair[] => [[name, one]]),
        },
        { weight: 1, arbitrary: fc.constant<Pair[]>([]) },
        {
          weight: 1,
          arbitrary: fc
            .tuple(spoil(value, context.bodyLimit), spoil(value, context.bodyLimit))
            .map(([one, two]): Pair[] => [
              [name, one],
              [name, two],
            ]),
        },
      ),
    );
    return fc
      .tuple(fc.tuple(...each), extraFormPairs)
      .map(([lists, extra]) => [...lists.flat(), ...extra.map(([k, v]): Pair => [k, v])]);
  });
}

/** The form guard a browser sends: CSRF token, signed render time, empty honeypot; or not. */
function guardFields(
  url: string,
  world: FuzzWorld,
): fc.Arbitrary<{ pairs: Pair[]; header?: string }> {
  const page = formPages[url];
  const rendered = page ? world.rendered.get(page) : undefined;
  const others = [...world.rendered.values()];
  const renderedPair = fc.oneof(
    ...(rendered ? [{ weight: 6, arbitrary: fc.constant<Pair[]>([["rendered", rendered]]) }] : []),
    {
      weight: 1,
      arbitrary: fc
        .constantFrom(...others, "1.abc", "99999999999999999.x")
        .map((v): Pair[] => [["rendered", v]]),
    },
    { weight: 1, arbitrary: fc.constant<Pair[]>([]) },
  );
  const website = fc.oneof(
    { weight: 6, arbitrary: fc.constant<Pair[]>([["website", ""]]) },
    { weight: 1, arbitrary: hostileText.map((v): Pair[] => [["website", v]]) },
  );
  type Csrf = { pairs: Pair[]; header?: string };
  const csrf = fc.oneof(
    { weight: 20, arbitrary: fc.constant<Csrf>({ pairs: [["_csrf", world.csrf]] }) },
    { weight: 1, arbitrary: fc.constant<Csrf>({ pairs: [], header: world.csrf }) },
    {
      weight: 1,
      arbitrary: fc
        .oneof(hostileText, fc.constant(`${world.csrf}x`))
        .map((v): Csrf => ({ pairs: [["_csrf", v]] })),
    },
    { weight: 1, arbitrary: fc.constant<Csrf>({ pairs: [] }) },
  );
  return fc.tuple(csrf, renderedPair, website).map(([token, time, honeypot]) => ({
    pairs: [...token.pairs, ...time, ...honeypot],
    ...(token.header === undefined ? {} : { header: token.header }),
  }));
}

const asText = (value: unknown): string =>
  typeof value === "string"
    ? value
    : value === null || value === undefined
      ? ""
      : JSON.stringify(value);

/** Lists become repeated fields, as ticked checkboxes are sent. */
const flatPairs = (pairs: Pair[]): FormPair[] =>
  pairs.flatMap(([name, value]) =>
    Array.isArray(value)
      ? value.map((item): FormPair => [name, asText(item)])
      : [[name, asText(value)]],
  );

function encode(
  encoding: BodyEncoding,
  pairs: Pair[],
  files: MultipartPart[],
): fc.Arbitrary<BodyDraft> {
  if (encoding === "json") {
    const object: Record<string, unknown> = {};
    for (const [name, value] of pairs)
      Object.defineProperty(object, name, {
        value,
        enumerable: true,
        configurable: true,
        writable: true,
      });
    return fc.constant({ contentType: "application/json", payload: JSON.stringify(object) });
  }
  if (encoding === "form") {
    return formBody(fc.constant(flatPairs(pairs))).map((payload) => ({
      contentType: "application/x-www-form-urlencoded",
      payload,
    }));
  }
  const fields: MultipartPart[] = flatPairs(pairs).map(([name, value]) => ({ name, value }));
  return multipartDamage.map((damage) => {
    const body = multipartBody([...fields, ...files], damage);
    return { contentType: body.contentType, payload: body.payload };
  });
}

const filePart: fc.Arbitrary<MultipartPart> = fc.record({
  name: fc.constantFrom("attachments", "file", "idCopy", "__proto__"),
  filename: hostileFileName,
  type: fc.constantFrom(
    "application/pdf",
    "image/png",
    "text/html",
    "application/x-msdownload",
    "",
  ),
  content: fileContent,
});

/** The body of a route that changes something: its own encoding mostly, the others and junk too. */
function bodyFor(url: string, input: EndpointInput, context: FuzzContext): fc.Arbitrary<BodyDraft> {
  const files = input.files
    ? fc.oneof(
        { weight: 4, arbitrary: fc.array(filePart, { maxLength: 5 }) },
        { weight: 1, arbitrary: manyParts },
      )
    : fc.oneof(
        { weight: 6, arbitrary: fc.constant<MultipartPart[]>([]) },
        { weight: 1, arbitrary: fc.array(filePart, { maxLength: 2 }) },
      );
  const encoding = fc.oneof(
    { weight: 8, arbitrary: fc.constant(input.encoding) },
    { weight: 1, arbitrary: fc.constantFrom<BodyEncoding>("form", "json", "multipart") },
  );
  const wellFormed = fc
    .record({
      guard: guardFields(url, context.world),
      fields: spoiledFields(input, context),
      files,
      encoding,
    })
    .chain(({ guard, fields, files: fileParts, encoding: chosen }) =>
      encode(chosen, [...guard.pairs, ...fields], chosen === "multipart" ? fileParts : []).map(
        (draft) => ({ draft, csrfHeader: guard.header }),
      ),
    )
    .map(({ draft, csrfHeader }) => (csrfHeader ? { ...draft, csrfHeader } : draft));
  const broken = fc.oneof(
    brokenJsonText.map((payload): BodyDraft => ({ contentType: "application/json", payload })),
    formBody(extraFormPairs)
      .chain((text) => spoiledBytes(text))
      .map((payload): BodyDraft => ({ contentType: "application/x-www-form-urlencoded", payload })),
    hugeText(context.bodyLimit).map(
      (text): BodyDraft => ({
        contentType: "application/x-www-form-urlencoded",
        payload: `a=${text}`,
      }),
    ),
    fc.constant<BodyDraft>({}),
  );
  return fc.oneof({ weight: 8, arbitrary: wellFormed }, { weight: 1, arbitrary: broken });
}
