import { readFile } from "node:fs/promises";
import { isMap, isPair, isScalar, isSeq, LineCounter, type Node, parseDocument } from "yaml";
import type { z } from "zod";
import { crossCheckPolicy } from "./cross-check.ts";
import { formatPath } from "./format-path.ts";
import { type Policy, policySchema } from "./policy.schema.ts";

/** One thing wrong with a policy file, located so an editor can jump to it. */
export interface PolicyProblem {
  /** YAML path such as `purposes[2].retention.rule.years`; empty for the whole document. */
  path: string;
  line?: number;
  message: string;
}

export type PolicyLoadResult =
  | { policy: Policy; warnings: PolicyProblem[] }
  | { problems: PolicyProblem[] };

export async function loadPolicyFile(path: string): Promise<PolicyLoadResult> {
  let source: string;
  try {
    source = await readFile(path, "utf8");
  } catch (error) {
    return { problems: [{ path: "", message: `cannot read file: ${(error as Error).message}` }] };
  }
  return parsePolicy(source);
}

/**
 * Parses policy YAML in three steps, each stopping at its own problems: YAML syntax, the schema,
 * then cross-checks between sections. Line numbers come from the YAML nodes, so a problem found on
 * the plain object still points at the line that causes it.
 */
export function parsePolicy(source: string): PolicyLoadResult {
  const lineCounter = new LineCounter();
  // The core schema (YAML 1.2) keeps `2026-01-31` a string, which the schema checks as a date.
  const document = parseDocument(source, { lineCounter, prettyErrors: false });
  if (document.errors.length > 0) {
    return {
      problems: document.errors.map((error) => ({
        path: "",
        line: lineCounter.linePos(error.pos[0]).line,
        message: `YAML syntax: ${firstLine(error.message)}`,
      })),
    };
  }

  const lineOf = (path: readonly PropertyKey[]): number | undefined => {
    const offset = offsetOf(document.contents, path);
    return offset === undefined ? undefined : lineCounter.linePos(offset).line;
  };

  const parsed = policySchema.safeParse(document.toJS(), { reportInput: true });
  if (!parsed.success) {
    return {
      problems: byLine(parsed.error.issues.flatMap((issue) => problemsOf(issue, lineOf))),
    };
  }

  const findings = crossCheckPolicy(parsed.data);
  const located = (finding: (typeof findings)[number]): PolicyProblem => ({
    path: formatPath(finding.path),
    line: lineOf(finding.path),
    message: finding.message,
  });
  const errors = findings.filter((finding) => finding.severity === "error");
  if (errors.length > 0) return { problems: byLine(errors.map(located)) };
  return {
    policy: parsed.data,
    warnings: byLine(findings.filter((finding) => finding.severity === "warning").map(located)),
  };
}

/** Top to bottom, as an editor lists them; problems without a line last. Sort is stable. */
function byLine(problems: PolicyProblem[]): PolicyProblem[] {
  return problems.sort(
    (a, b) => (a.line ?? Number.POSITIVE_INFINITY) - (b.line ?? Number.POSITIVE_INFINITY),
  );
}

function problemsOf(
  issue: z.core.$ZodIssue,
  lineOf: (path: readonly PropertyKey[]) => number | undefined,
): PolicyProblem[] {
  if (issue.code === "unrecognized_keys") {
    // One problem per key, at the key's own line, so each typo is found where it is.
    return issue.keys.map((key) => {
      const path = [...issue.path, key];
      return {
        path: formatPath(path),
        line: lineOf(path),
        message: `unknown field "${key}"`,
      };
    });
  }
  const missing = issue.code === "invalid_type" && issue.input === undefined;
  return [
    {
      path: formatPath(issue.path),
      line: lineOf(issue.path),
      message: missing ? "required field is missing" : issue.message,
    },
  ];
}

/**
 * The source offset of the deepest node that exists on `path`: a map entry's key (a block value
 * starts a line later, away from the name the message talks about), a list item's start, and the
 * enclosing node when the path leaves the document (a missing field is reported at the object
 * that should hold it).
 */
function offsetOf(root: Node | null, path: readonly PropertyKey[]): number | undefined {
  let node: unknown = root;
  let offset = rangeStart(node);
  for (const segment of path) {
    if (isMap(node)) {
      const pair = node.items.find(
        (item) => isPair(item) && isScalar(item.key) && item.key.value === segment,
      );
      if (!pair) break;
      offset = rangeStart(pair.key) ?? rangeStart(pair.value) ?? offset;
      node = pair.value;
    } else if (isSeq(node) && typeof segment === "number") {
      const item = node.items[segment];
      if (item === undefined) break;
      offset = rangeStart(item) ?? offset;
      node = item;
    } else {
      break;
    }
  }
  return offset;
}

function rangeStart(node: unknown): number | undefined {
  if (node && typeof node === "object" && "range" in node && Array.isArray(node.range)) {
    const [start] = node.range as [number, number, number];
    return start;
  }
  return undefined;
}

function firstLine(message: string): string {
  return message.split("\n")[0]?.trim() ?? message;
}
