/**
 * The Aho-Corasick automaton compiled by modern-ahocorasick, as a dense transition table: the
 * package's versioned `serialize()` tables (trie edges, failure and output links) are read
 * once, every failure link is followed ahead of time, and the scan is one array read per
 * character. `undefined` when the table format is not the one known here.
 */
export interface DenseTables {
  /** Symbol of each ASCII code, -1 when no pattern uses it. */
  symbols: Int16Array;
  alphabet: number;
  /** `next[state * alphabet + symbol]`: goto with failure links already followed. */
  next: Uint16Array | Uint32Array;
  /** State of the longest proper suffix that ends a pattern, -1 if none. */
  outputs: Int32Array;
  /** Patterns ending in a state: `patterns[terminals[s] .. terminals[s + 1])`. */
  terminals: Uint32Array;
  patterns: Uint32Array;
  /** 1 when a state or one of its suffixes ends a pattern. */
  reports: Uint8Array;
}

interface SerializedAutomaton {
  format: string;
  version: number;
  symbols: string[];
  edges: number[];
  labels: number[];
  targets: number[];
  failures: number[];
  outputs: number[];
  terminals: number[];
  patternIndices: number[];
}

export function denseTables(serialized: string): DenseTables | undefined {
  const source = JSON.parse(serialized) as Partial<SerializedAutomaton>;
  if (!isSupported(source)) return undefined;
  const symbols = new Int16Array(128).fill(-1);
  source.symbols.forEach((symbol, index) => {
    symbols[symbol.charCodeAt(0)] = index;
  });
  const alphabet = source.symbols.length;
  const states = source.failures.length;
  // Half the bytes while the lexicon has fewer than 65 536 states: the table stays in cache.
  const next =
    states <= 0xffff ? new Uint16Array(states * alphabet) : new Uint32Array(states * alphabet);
  // Breadth first, so a state's failure target is complete before the state copies it.
  const queue = [0];
  for (let head = 0; head < queue.length; head += 1) {
    const state = queue[head] ?? 0;
    if (state !== 0) {
      const failure = (source.failures[state] ?? 0) * alphabet;
      next.copyWithin(state * alphabet, failure, failure + alphabet);
    }
    for (let edge = source.edges[state] ?? 0; edge < (source.edges[state + 1] ?? 0); edge += 1) {
      const target = source.targets[edge] ?? 0;
      next[state * alphabet + (source.labels[edge] ?? 0)] = target;
      queue.push(target);
    }
  }
  const terminals = Uint32Array.from(source.terminals);
  const outputs = Int32Array.from(source.outputs);
  const reports = new Uint8Array(states);
  for (let state = 0; state < states; state += 1) {
    const ends = (terminals[state] ?? 0) < (terminals[state + 1] ?? 0);
    reports[state] = ends || (outputs[state] ?? -1) !== -1 ? 1 : 0;
  }
  const patterns = Uint32Array.from(source.patternIndices);
  return { symbols, alphabet, next, outputs, terminals, patterns, reports };
}

function isSupported(source: Partial<SerializedAutomaton>): source is SerializedAutomaton {
  const arrays = [
    source.edges,
    source.labels,
    source.targets,
    source.failures,
    source.outputs,
    source.terminals,
    source.patternIndices,
  ];
  return (
    source.format === "modern-ahocorasick" &&
    source.version === 1 &&
    Array.isArray(source.symbols) &&
    source.symbols.every((symbol) => symbol.length === 1 && symbol.charCodeAt(0) < 128) &&
    arrays.every(Array.isArray)
  );
}

export function scanDense(
  tables: DenseTables,
  text: string,
  visit: (index: number, end: number) => void,
): void {
  const { symbols, alphabet, next, outputs, terminals, patterns, reports } = tables;
  let state = 0;
  for (let at = 0; at < text.length; at += 1) {
    const code = text.charCodeAt(at);
    const symbol = code < 128 ? (symbols[code] ?? -1) : -1;
    state = symbol < 0 ? 0 : (next[state * alphabet + symbol] ?? 0);
    if (reports[state] === 0) continue;
    for (let output = state; output !== -1; output = outputs[output] ?? -1) {
      for (let slot = terminals[output] ?? 0; slot < (terminals[output + 1] ?? 0); slot += 1) {
        visit(patterns[slot] ?? 0, at + 1);
      }
    }
  }
}
