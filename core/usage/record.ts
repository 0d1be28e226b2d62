/**
 * Which record (child, person, case) a page shows, recognised from its address alone.
 *
 * A pattern names path segments whose NEXT segment is the record id (`/person/12345`, `/child/…`) and
 * query parameters that carry it (`?personId=…`). Hash routes (`#/person/123`, `#!/case/9?tab=x`) are
 * read as well as the real path, so single-page apps that route by hash or by pushState are both
 * covered: the caller passes the current address whenever it changes.
 *
 * A manager configures patterns per site (an origin) or for every site. The patterns for a page are
 * those naming its origin, then those naming no origin; when none apply, DEFAULT_RECORD_PATTERNS do.
 * Their schema (record-schema.ts, kept apart so that this file stays free of zod and could run in the
 * content script) stands alone for now: not yet a policy key, since adding one means the managed schema
 * and the deployment docs change with it.
 *
 * An id must contain a digit, be at most ID_MAX characters of letters, digits and `._:-`, so that list
 * and action pages (`/person/search`, `/cases/new`, `/children/`) are not records. Nothing here keeps
 * the id: keys.ts turns it into a keyed hash at once.
 */

/** Longer addresses are not read at all (hostile or broken input). */
export const URL_MAX = 8192;
/** Longest record id taken. */
export const ID_MAX = 128;

/** What a manager configures (validated by RecordPatternsSchema, in record-schema.ts). */
export interface RecordPattern {
  /** The site these patterns are for (an origin such as https://lcs.example.gov.uk); absent: every site. */
  origin?: string;
  /** Path segments (any case) whose next segment is the record id. */
  segments?: string[];
  /** Query parameters (any case) whose value is the record id. */
  params?: string[];
}

export const DEFAULT_RECORD_PATTERNS: readonly RecordPattern[] = Object.freeze([
  {
    segments: ['person', 'people', 'child', 'children', 'case', 'cases', 'client', 'clients', 'record', 'records', 'family', 'families'],
    params: ['personId', 'childId', 'caseId', 'clientId', 'recordId', 'id'],
  },
]);

export interface RecordRef {
  /** The page's origin. */
  origin: string;
  /** The record id, decoded. Never stored: see keys.ts. */
  id: string;
}

export function originOf(s: string): string | null {
  try {
    const u = new URL(s);
    return u.protocol === 'https:' || u.protocol === 'http:' ? u.origin : null;
  } catch {
    return null;
  }
}

const ID_SHAPE = /^[A-Za-z0-9._:-]+$/;
const DIGIT = /[0-9]/;

function asId(raw: string | null | undefined, decode: boolean): string | null {
  if (!raw) return null;
  let id = raw;
  if (decode) {
    try {
      id = decodeURIComponent(raw);
    } catch {
      return null; // malformed %-encoding
    }
  }
  id = id.trim();
  return id.length <= ID_MAX && ID_SHAPE.test(id) && DIGIT.test(id) ? id : null;
}

interface Route {
  segments: string[]; // raw (still %-encoded)
  params: URLSearchParams;
}

/** The hash route, when the hash looks like one: `#/a/b?x=1` or `#!/a/b`. */
function hashRoute(hash: string): Route | null {
  const m = /^#!?(\/[^?]*)(?:\?(.*))?$/.exec(hash);
  if (!m) return null;
  return { segments: m[1]!.split('/').filter(Boolean), params: new URLSearchParams(m[2] ?? '') };
}

function fromRoute(route: Route, p: RecordPattern): string | null {
  const names = new Set((p.segments ?? []).map((s) => s.toLowerCase()));
  if (names.size) {
    for (let i = 0; i < route.segments.length - 1; i++) {
      let seg: string;
      try {
        seg = decodeURIComponent(route.segments[i]!).toLowerCase();
      } catch {
        continue;
      }
      if (!names.has(seg)) continue;
      const id = asId(route.segments[i + 1], true);
      if (id) return id;
    }
  }
  const params = new Set((p.params ?? []).map((s) => s.toLowerCase()));
  if (params.size) {
    for (const [k, v] of route.params) {
      if (!params.has(k.toLowerCase())) continue;
      const id = asId(v, false); // URLSearchParams has decoded it already
      if (id) return id;
    }
  }
  return null;
}

/** The patterns that apply to a page on this origin (see the header). */
export function patternsFor(origin: string, configured: readonly RecordPattern[] = []): readonly RecordPattern[] {
  const own = configured.filter((p) => p.origin === origin);
  const any = configured.filter((p) => p.origin === undefined);
  return own.length || any.length ? [...own, ...any] : DEFAULT_RECORD_PATTERNS;
}

/** The record a page address shows, or null (a list page, another kind of page, or unreadable input). */
export function recogniseRecord(url: string, configured: readonly RecordPattern[] = []): RecordRef | null {
  if (typeof url !== 'string' || url.length > URL_MAX) return null;
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') return null;
  // The hash route first: in a hash-routed app it is the page; the real path is only the app's shell.
  const routes: Route[] = [];
  const hash = hashRoute(u.hash);
  if (hash) routes.push(hash);
  routes.push({ segments: u.pathname.split('/').filter(Boolean), params: u.searchParams });
  for (const p of patternsFor(u.origin, configured)) {
    for (const r of routes) {
      const id = fromRoute(r, p);
      if (id) return { origin: u.origin, id };
    }
  }
  return null;
}
