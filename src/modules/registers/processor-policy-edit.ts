import { isDeepStrictEqual } from "node:util";
import {
  Document,
  isMap,
  isScalar,
  isSeq,
  type Node,
  parseDocument,
  Scalar,
  type ToStringOptions,
  type YAMLMap,
  YAMLSeq,
} from "yaml";
import type { Processor } from "../../policy/index.ts";

export type ProcessorChange =
  | { kind: "add"; processor: Processor }
  | { kind: "update"; name: string; processor: Processor }
  | { kind: "remove"; name: string };

/** The new version's line in the policy: what changed, and from when. */
export interface VersionLine {
  changelog: string;
  effectiveDate: string;
}

export type ProcessorEdit =
  | { status: "edited"; source: string }
  | { status: "not_found" }
  | { status: "unreadable" };

/** The default policy is wrapped at 100 columns and writes `[a, b]` without inner spaces. */
const layout: ToStringOptions = { lineWidth: 100, flowCollectionPadding: false };

interface Splice {
  start: number;
  end: number;
  text: string;
}

/**
 * Edits the `processors` list of a policy's YAML source and stamps the version line. Only the
 * edited item and the version's values are rewritten in the text, so comments and layout
 * elsewhere stay exactly as the officer (or the operator) wrote them; re-printing the whole
 * document would re-fold every paragraph. Should the surgical text not read back as the edited
 * document (an unusual layout), the whole document is printed instead: correct before pretty.
 */
export function editProcessors(
  source: string,
  change: ProcessorChange,
  version: VersionLine,
): ProcessorEdit {
  const document = parseDocument(source);
  if (document.errors.length > 0 || !isMap(document.contents)) return { status: "unreadable" };
  const list = processorList(document);
  if (!list) return { status: "unreadable" };
  const splices: Splice[] = [];
  if (change.kind === "add") {
    const item = document.createNode(plainProcessor(change.processor)) as YAMLMap;
    styleLists(item);
    list.items.push(item);
    splices.push(...appendSplice(source, list, item));
  } else {
    const index = list.items.findIndex((item) => isMap(item) && item.get("name") === change.name);
    const item = list.items[index];
    if (!isMap(item)) return { status: "not_found" };
    if (change.kind === "update") {
      writeProcessor(document, item, change.processor);
      splices.push(...replaceSplice(source, item));
    } else {
      list.items.splice(index, 1);
      if (list.items.length > 0) splices.push(...removeSplice(source, item));
      else splices.push(unsplicable);
    }
  }
  splices.push(...versionSplices(document, source, version));

  const expected = document.toJS();
  const spliced = applySplices(source, splices);
  if (spliced !== undefined) {
    const reread = parseDocument(spliced);
    if (reread.errors.length === 0 && isDeepStrictEqual(reread.toJS(), expected)) {
      return { status: "edited", source: spliced };
    }
  }
  return { status: "edited", source: document.toString(layout) };
}

/** A change the text cannot take in place: the whole document is printed instead. */
const unsplicable: Splice = { start: -1, end: -1, text: "" };

function processorList(document: Document): YAMLSeq | undefined {
  const node = document.get("processors", true);
  if (isSeq(node)) return node;
  if (node !== undefined && node !== null) return undefined;
  const list = new YAMLSeq();
  document.set("processors", list);
  return list;
}

/** The policy file's key order; absent optional fields are left out, not written as null. */
function plainProcessor(processor: Processor): Record<string, unknown> {
  return {
    name: processor.name,
    service: { nl: processor.service.nl, en: processor.service.en, fr: processor.service.fr },
    country: processor.country,
    ...(processor.transferBasis ? { transferBasis: processor.transferBasis } : {}),
    contractDate: quoted(processor.contractDate),
    ...(processor.reviewDate ? { reviewDate: quoted(processor.reviewDate) } : {}),
    purposes: processor.purposes,
    dataCategories: processor.dataCategories ?? [],
  };
}

/** Dates are quoted, as in the default file, so a YAML 1.1 reader keeps them strings. */
function quoted(value: string): Scalar {
  const scalar = new Scalar(value);
  scalar.type = Scalar.QUOTE_DOUBLE;
  return scalar;
}

/** Short id lists read best on one line, as the default file writes them. */
function styleLists(item: YAMLMap): void {
  for (const key of ["purposes", "dataCategories"]) {
    const value = item.get(key, true);
    if (isSeq(value)) value.flow = true;
  }
}

/**
 * Writes the processor into its existing map, field by field: keys keep their place and their
 * comments, scalars their quoting, lists their block or flow style.
 */
function writeProcessor(document: Document, item: YAMLMap, processor: Processor): void {
  const plain = plainProcessor(processor);
  for (const key of processorKeys) {
    const value = plain[key];
    const existing = item.get(key, true);
    if (value === undefined) {
      item.delete(key);
    } else if (key === "service" && isMap(existing)) {
      for (const locale of ["nl", "en", "fr"] as const) {
        setScalar(document, existing, locale, processor.service[locale]);
      }
    } else if (Array.isArray(value)) {
      const list = document.createNode(value) as YAMLSeq;
      list.flow = isSeq(existing) ? (existing.flow ?? false) : true;
      setNode(document, item, key, list);
    } else if (value instanceof Scalar) {
      setScalar(document, item, key, String(value.value), Scalar.QUOTE_DOUBLE);
    } else {
      setScalar(document, item, key, String(value));
    }
  }
}

const processorKeys = [
  "name",
  "service",
  "country",
  "transferBasis",
  "contractDate",
  "reviewDate",
  "purposes",
  "dataCategories",
] as const;

function setScalar(
  document: Document,
  map: YAMLMap,
  key: string,
  value: string,
  type?: Scalar.Type,
): void {
  const existing = map.get(key, true);
  if (isScalar(existing)) {
    existing.value = value;
    return;
  }
  const scalar = document.createNode(value) as Scalar;
  if (type) scalar.type = type;
  setNode(document, map, key, scalar);
}

/** Replaces a value in place, or adds the key after the field that precedes it in the file. */
function setNode(document: Document, map: YAMLMap, key: string, node: Node): void {
  if (map.has(key)) {
    map.set(key, node);
    return;
  }
  const order: readonly string[] = processorKeys;
  const before = order.slice(0, order.indexOf(key));
  const index = map.items.findLastIndex(
    (pair) => isScalar(pair.key) && before.includes(String(pair.key.value)),
  );
  map.items.splice(index + 1, 0, document.createPair(key, node));
}

/** The item's own text, indented to sit where the original item starts. */
function itemText(item: Node, column: number): string {
  // A comment above the item lies outside its range: printing it again would double it.
  const { commentBefore } = item;
  item.commentBefore = undefined;
  const text = new Document(item).toString(layout);
  item.commentBefore = commentBefore;
  const indent = " ".repeat(column);
  return text
    .split("\n")
    .map((line, index) => (index === 0 || line === "" ? line : `${indent}${line}`))
    .join("\n");
}

function columnOf(source: string, offset: number): number {
  return offset - (source.lastIndexOf("\n", offset - 1) + 1);
}

function replaceSplice(source: string, item: Node): Splice[] {
  if (!item.range) return [unsplicable];
  const [start, , end] = item.range;
  return [{ start, end, text: itemText(item, columnOf(source, start)) }];
}

function removeSplice(source: string, item: Node): Splice[] {
  if (!item.range) return [unsplicable];
  const [start, , end] = item.range;
  return [{ start: source.lastIndexOf("\n", start - 1) + 1, end, text: "" }];
}

/** A new item goes after the last one, at the same indentation. */
function appendSplice(source: string, list: YAMLSeq, added: Node): Splice[] {
  const last = list.items.at(-2);
  if (list.flow || !isMap(last) || !last.range || !list.range) return [unsplicable];
  const column = columnOf(source, last.range[0]);
  const at = list.range[2];
  const newline = source[at - 1] === "\n" ? "" : "\n";
  const dash = `${" ".repeat(column - 2)}- `;
  return [{ start: at, end: at, text: `${newline}${dash}${itemText(added, column)}` }];
}

function versionSplices(document: Document, source: string, version: VersionLine): Splice[] {
  const splices: Splice[] = [];
  const stamp = (key: string, value: string | boolean, type?: Scalar.Type) => {
    const node = document.getIn(["version", key], true);
    if (!isScalar(node) || !node.range) {
      document.setIn(["version", key], value);
      splices.push(unsplicable);
      return;
    }
    node.value = value;
    if (type) node.type = type;
    else if (node.type === Scalar.BLOCK_FOLDED || node.type === Scalar.BLOCK_LITERAL) {
      node.type = Scalar.PLAIN;
    }
    const [start, valueEnd] = node.range;
    const trailing = /\s*$/.exec(source.slice(start, valueEnd))?.[0] ?? "";
    const text = new Document(node).toString(layout).trimEnd();
    splices.push({ start, end: valueEnd, text: `${text}${trailing}` });
  };
  stamp("changelog", version.changelog);
  stamp("effectiveDate", version.effectiveDate, Scalar.QUOTE_DOUBLE);
  // A processor edit sends no notice to customers: an officer who wants one uploads the policy.
  if (document.getIn(["version", "notify"]) === true) stamp("notify", false);
  return splices;
}

function applySplices(source: string, splices: Splice[]): string | undefined {
  if (splices.some((splice) => splice.start < 0)) return undefined;
  const ordered = [...splices].sort((a, b) => b.start - a.start);
  let text = source;
  let limit = Number.POSITIVE_INFINITY;
  for (const splice of ordered) {
    if (splice.end > limit) return undefined;
    text = `${text.slice(0, splice.start)}${splice.text}${text.slice(splice.end)}`;
    limit = splice.start;
  }
  return text;
}
