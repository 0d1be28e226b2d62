/**
 * Plain-words messages for zod issues. zod/mini ships no locale, so without this map every
 * structural problem reads "Invalid input". Messages written on the schemas themselves (e.g.
 * "must not be empty") take precedence; this map only fills the gaps. Pure.
 */

/** The subset of a zod issue we read (the map receives raw issues; every field is optional). */
interface RawIssue {
  code?: string;
  input?: unknown;
  expected?: unknown;
  values?: readonly unknown[];
  origin?: unknown;
  minimum?: unknown;
  maximum?: unknown;
  inclusive?: boolean;
  format?: unknown;
  errors?: readonly (readonly RawIssue[])[];
  path?: readonly PropertyKey[];
  message?: string;
}

/** How we describe a JSON value that was found where something else was expected. */
export function describeFound(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  switch (typeof v) {
    case 'string':
      return 'text';
    case 'number':
      return Number.isFinite(v) ? 'a number' : 'a number that is too large';
    case 'boolean':
      return v ? 'true' : 'false';
    case 'object':
      return 'an object';
    default:
      return typeof v;
  }
}

const EXPECTED: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'an object',
  record: 'an object',
};

function quote(v: unknown): string {
  return typeof v === 'string' ? JSON.stringify(v) : String(v);
}

function oneOf(values: readonly unknown[]): string {
  const q = values.map(quote);
  if (q.length === 1) return q[0]!;
  return `${q.slice(0, -1).join(', ')} or ${q[q.length - 1]}`;
}

function plural(n: unknown, one: string, many: string): string {
  return `${String(n)} ${n === 1 ? one : many}`;
}

/** Per-parse error map: `schema.safeParse(value, { error: plainError })`. */
export function plainError(issue: RawIssue): string {
  switch (issue.code) {
    case 'invalid_type': {
      if (issue.input === undefined) return 'is missing';
      const want = EXPECTED[String(issue.expected)] ?? String(issue.expected);
      if (typeof issue.input === 'number' && (Number.isNaN(issue.input) || issue.expected === 'int')) return `must be ${want}`;
      return `must be ${want} (found ${describeFound(issue.input)})`;
    }
    case 'invalid_value':
      return `must be ${oneOf(issue.values ?? [])}`;
    case 'invalid_union': {
      if (issue.input === undefined) return 'is missing';
      const last = issue.path?.[issue.path.length - 1];
      // A branch that got past the type check and failed inside (e.g. {"words": 0}): report that.
      for (const b of issue.errors ?? []) {
        const first = b[0];
        if (first?.path && first.path.length > 0) {
          const inner = first.message && first.message !== 'Invalid input' ? first.message : plainError({ ...first, input: null });
          if (last === 'window' && first.path[0] === 'words') return `the number of words ${inner}`;
          return `${first.path.map(String).join('.')} ${inner}`;
        }
      }
      // Otherwise describe each branch (e.g. window: "sentence", "note" or an object like {"words": 10}).
      const branches: string[] = [];
      for (const b of issue.errors ?? []) {
        const first = b[0];
        if (!first) continue;
        if (first.code === 'invalid_value') branches.push(oneOf(first.values ?? []));
        else if (first.code === 'invalid_type') branches.push(EXPECTED[String(first.expected)] ?? String(first.expected));
      }
      if (branches.length === 0) return 'is not valid';
      if (last === 'window') return 'must be "sentence", "note" or an object like {"words": 10}';
      return `must be ${branches.slice(0, -1).join(', ')}${branches.length > 1 ? ' or ' : ''}${branches[branches.length - 1]}`;
    }
    case 'too_small': {
      const n = issue.minimum;
      if (issue.origin === 'string') return n === 1 ? 'must not be empty' : `must be at least ${plural(n, 'character', 'characters')}`;
      if (issue.origin === 'array') return n === 1 ? 'must not be empty' : `must list at least ${plural(n, 'item', 'items')}`;
      return issue.inclusive === false ? `must be more than ${String(n)}` : `must be at least ${String(n)}`;
    }
    case 'too_big': {
      const n = issue.maximum;
      if (issue.origin === 'string') return `must be at most ${plural(n, 'character', 'characters')}`;
      if (issue.origin === 'array') return `must list at most ${plural(n, 'item', 'items')}`;
      return issue.inclusive === false ? `must be less than ${String(n)}` : `must be at most ${String(n)}`;
    }
    case 'invalid_format':
      return 'is not in the expected form';
    case 'not_multiple_of':
      return 'is not an allowed number';
    case 'unrecognized_keys':
      return 'has names that are not recognised';
    case 'invalid_key':
      return 'has a name that is not allowed';
    case 'invalid_element':
      return 'has a value that is not allowed';
    default:
      return 'is not valid';
  }
}
