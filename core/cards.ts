/**
 * What a prompt shows (a slim card per learning point or wider message) and where it links to: the one
 * link builder for the library's deep links `library.html#lp/<id>`. Pure: the catalogue
 * (content/library/catalogue.ts) fills the cards in; platform/navigation.ts turns the path into a URL.
 */
export interface PromptCard {
  id: string;
  /** Briefing section title, exactly as the briefing writes it. */
  section: string;
  sectionId: string;
  page: number;
  title: string;
  summary: string;
  question: string;
  /** Local prompts: https links to local procedures. */
  links?: { title: string; url: string }[];
  /** Set when the card comes from a local prompt set. */
  setName?: string;
}

/** The library page, as a path inside the extension. */
export const LIBRARY_PAGE = '/library.html';

/** What a prompt id may look like (learning points, wider messages and local prompts alike). */
const PROMPT_ID = /^[a-z0-9][a-z0-9._-]{0,79}$/;

export function isPromptId(id: unknown): id is string {
  return typeof id === 'string' && PROMPT_ID.test(id);
}

/** The element id of a learning point on the library page, and the hash that names it: `lp/<id>`. */
export const lpAnchor = (id: string): string => `lp/${id}`;

/** Anchors of the library page's other documents (search results): themes, context pages, key-data facts and tables. */
const LIBRARY_ANCHOR = /^(theme|context|fact|data)\/[a-z0-9][a-z0-9._-]{0,79}$/;

/**
 * The deep link to a learning point: `/library.html#lp/<id>`; or, for a library anchor a search result
 * names (`theme/<id>`, `context/<id>`, `fact/<id>`, `data/<id>`), `/library.html#<anchor>`. Anything else
 * (e.g. sent by a page) links to the top of the library instead.
 */
export function libraryPath(id?: string): string {
  if (id !== undefined && LIBRARY_ANCHOR.test(id)) return `${LIBRARY_PAGE}#${id}`;
  return id !== undefined && isPromptId(id) ? `${LIBRARY_PAGE}#${lpAnchor(encodeURIComponent(id))}` : LIBRARY_PAGE;
}

/** The element id named by a location hash ("#lp/x" → "lp/x"), or null. */
export function targetFromHash(hash: string): string | null {
  let h = hash.replace(/^#/, '');
  try {
    h = decodeURIComponent(h);
  } catch {
    /* keep the raw hash */
  }
  return h ? h : null;
}
