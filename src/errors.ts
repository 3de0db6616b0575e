/**
 * Error types raised by gridframe. Every error a user can trigger with bad input is one of these,
 * with a message that names what was wrong and where.
 * @module
 */

/** Base class of every error gridframe raises on purpose. */
export class GridframeError extends Error {
  override name = 'GridframeError';
}

/** A column, label, dimension or variable that does not exist. */
export class KeyError extends GridframeError {
  override name = 'KeyError';
}

/** A value or argument of the wrong kind (a dtype, a shape, an option). */
export class ValueError extends GridframeError {
  override name = 'ValueError';
}

/** An operation that is not defined for a dtype (a sum of strings, say). */
export class TypeError_ extends GridframeError {
  override name = 'TypeError';
}

/** A file that cannot be read or parsed; `where` says which line/offset when known. */
export class ParseError extends GridframeError {
  override name = 'ParseError';
}

/** Levenshtein distance, used to suggest near matches for unknown names. */
function editDistance(a: string, b: string): number {
  const m = a.length;
  const n = b.length;
  let prev = new Array<number>(n + 1);
  let cur = new Array<number>(n + 1);
  for (let j = 0; j <= n; j++) prev[j] = j;
  for (let i = 1; i <= m; i++) {
    cur[0] = i;
    for (let j = 1; j <= n; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
    }
    [prev, cur] = [cur, prev];
  }
  return prev[n];
}

/**
 * Names among `candidates` close to `name` (case-insensitive match, prefix, or small edit distance).
 * @example
 * suggest('age', ['Age', 'Name']) // ['Age']
 */
export function suggest(name: string, candidates: readonly string[], max = 3): string[] {
  const lower = name.toLowerCase();
  const scored: Array<[number, string]> = [];
  for (const c of candidates) {
    const cl = c.toLowerCase();
    let score: number;
    if (cl === lower) score = 0;
    else if (cl.startsWith(lower) || lower.startsWith(cl)) score = 1;
    else {
      const d = editDistance(lower, cl);
      if (d > Math.max(2, Math.floor(Math.max(lower.length, cl.length) / 3))) continue;
      score = 1 + d;
    }
    scored.push([score, c]);
  }
  scored.sort((a, b) => a[0] - b[0]);
  return scored.slice(0, max).map((s) => s[1]);
}

/**
 * A KeyError for an unknown name, listing near matches.
 * @example
 * throw unknownName('column', 'age', df.columns)
 */
export function unknownName(kind: string, name: string, candidates: readonly string[]): KeyError {
  const near = suggest(String(name), candidates);
  const hint = near.length ? ` Did you mean ${near.map((n) => `'${n}'`).join(' or ')}?` : '';
  const shown = candidates.length <= 12 ? ` Available: ${candidates.map((c) => `'${c}'`).join(', ')}.` : '';
  return new KeyError(`Unknown ${kind} '${String(name)}'.${hint}${shown}`);
}
