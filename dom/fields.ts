/**
 * Which fields we read, and how. Reading only: nothing here writes to a page field.
 */
export type Editable =
  | { kind: 'value'; el: HTMLTextAreaElement | HTMLInputElement }
  | { kind: 'rich'; el: HTMLElement };

const TEXT_INPUT_TYPES = new Set(['text', 'search', '']);
/** autocomplete tokens that mark secrets or personal identifiers: never read. */
const SECRET_AUTOCOMPLETE = /\b(password|current-password|new-password|one-time-code|cc-|username|email|tel|street-address|postal-code|bday)/i;
export const OUR_HOST_TAG = 'PRACTICE-PROMPTS';

/** The field being typed in, from an event target (after retargeting through open shadow roots). */
export function editableFrom(node: EventTarget | null): Editable | null {
  if (!node || !(node as Node).nodeType) return null;
  const el: Element | null = (node as Node).nodeType === 1 ? (node as Element) : (node as Node).parentElement;
  if (!el) return null;
  if (el.closest?.(OUR_HOST_TAG.toLowerCase())) return null;
  const tag = el.tagName;
  if (tag === 'TEXTAREA') {
    const ta = el as HTMLTextAreaElement;
    if (ta.readOnly || ta.disabled || SECRET_AUTOCOMPLETE.test(ta.autocomplete)) return null;
    return { kind: 'value', el: ta };
  }
  if (tag === 'INPUT') {
    const input = el as HTMLInputElement;
    const type = (input.getAttribute('type') ?? '').toLowerCase();
    if (!TEXT_INPUT_TYPES.has(type) || input.readOnly || input.disabled) return null;
    if (SECRET_AUTOCOMPLETE.test(input.autocomplete)) return null;
    if (input.getAttribute('spellcheck') === 'false') return null; // a hint: codes, ids, references
    return { kind: 'value', el: input };
  }
  // contenteditable: the outermost editing host
  const html = el as HTMLElement;
  if (!html.isContentEditable) return null;
  let root: HTMLElement = html;
  while (root.parentElement && root.parentElement.isContentEditable) root = root.parentElement;
  return { kind: 'rich', el: root };
}

const BLOCK = new Set([
  'P', 'DIV', 'LI', 'UL', 'OL', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'BLOCKQUOTE', 'PRE', 'TABLE', 'TR', 'TD', 'TH',
  'SECTION', 'ARTICLE', 'HEADER', 'FOOTER', 'DL', 'DT', 'DD', 'FIGURE', 'FIGCAPTION', 'HR', 'ADDRESS', 'DETAILS', 'SUMMARY',
]);
/** Hard cap on what we read from one field (characters); the rest is not matched. */
export const MAX_READ = 1_000_000;

/** The field's text. Rich editors: text with a line break between blocks, so sentences never run together. */
export function readText(ed: Editable): string {
  if (ed.kind === 'value') {
    const v = ed.el.value;
    return v.length > MAX_READ ? v.slice(0, MAX_READ) : v;
  }
  const parts: string[] = [];
  let size = 0;
  const walk = (node: Node): void => {
    for (let c = node.firstChild; c && size < MAX_READ; c = c.nextSibling) {
      if (c.nodeType === 3) {
        const d = (c as Text).data;
        parts.push(d);
        size += d.length;
      } else if (c.nodeType === 1) {
        const tag = (c as Element).tagName;
        if (tag === 'BR') {
          parts.push('\n');
          continue;
        }
        if (tag === 'SCRIPT' || tag === 'STYLE' || tag === 'TEMPLATE' || (c as Element).getAttribute('contenteditable') === 'false') continue;
        const block = BLOCK.has(tag);
        if (block) parts.push('\n');
        walk(c);
        if (block) parts.push('\n');
      }
    }
  };
  walk(ed.el);
  return parts.join('');
}

const clean = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim().slice(0, 300);

/** The field's own words: label, aria-label/labelledby, placeholder, name, title. */
export function fieldLabel(el: HTMLElement): string {
  const parts: string[] = [];
  const doc = el.ownerDocument;
  const labels = (el as HTMLInputElement).labels;
  if (labels) for (const l of Array.from(labels)) parts.push(clean(l.textContent));
  parts.push(clean(el.getAttribute('aria-label')));
  const by = el.getAttribute('aria-labelledby');
  if (by) for (const id of by.split(/\s+/)) parts.push(clean(doc.getElementById(id)?.textContent));
  parts.push(clean(el.getAttribute('placeholder')), clean(el.getAttribute('title')));
  const name = el.getAttribute('name') ?? el.id;
  if (name) parts.push(name.replace(/[_\-.[\]]+/g, ' ').replace(/([a-z])([A-Z])/g, '$1 $2'));
  // rich editors inside a frame: the frame element's label
  const frame = doc.defaultView?.frameElement as HTMLElement | null | undefined;
  if (frame) parts.push(clean(frame.getAttribute('title')), clean(frame.getAttribute('aria-label')));
  return parts.filter(Boolean).join(' · ');
}

/** Page context: title and the headings of the form or section around the field. */
export function pageContext(el: HTMLElement): string {
  const doc = el.ownerDocument;
  const top = safeTopDocument(doc);
  const parts = [clean(top.title)];
  const scope = el.closest('form, fieldset, section, article, main, [role="form"], [role="main"]') ?? doc.body;
  if (scope) {
    const hs = scope.querySelectorAll('h1, h2, h3, legend, [role="heading"]');
    for (let i = 0; i < hs.length && i < 8; i++) parts.push(clean(hs[i]!.textContent));
  }
  if (top !== doc || scope !== doc.body) {
    const h1 = top.querySelector('h1');
    if (h1) parts.push(clean(h1.textContent));
  }
  return [...new Set(parts.filter(Boolean))].join(' · ');
}

export function safeTopDocument(doc: Document): Document {
  try {
    return doc.defaultView?.top?.document ?? doc;
  } catch {
    return doc;
  }
}
