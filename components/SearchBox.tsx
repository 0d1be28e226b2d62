/**
 * Search the library: a combobox with a listbox of results. ↑/↓ move, Enter opens, Esc clears
 * (or closes when empty). Each result says what kind of document it is. Empty box: the current tab's
 * prompts, then recently opened points (both as options), then example searches (buttons that run them).
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { EXAMPLE_SEARCHES, highlight, KIND_LABEL, PLACEHOLDER_QUERIES, type Hit } from '../core/search/search.ts';

// ARIA 1.2 combobox on a text input (Preact's typings only allow it together with `list`)
const COMBOBOX = { role: 'combobox' } as Record<string, string>;

export interface Suggestion {
  id: string;
  title: string;
  section: string;
}

export interface SearchBoxProps {
  /** The results for a query; run again when this function changes (a page whose index arrives later passes a new one). */
  run(query: string, section: string): Hit[];
  sections: { id: string; title: string }[];
  tabPrompts: Suggestion[];
  recent: Suggestion[];
  onOpen(id: string): void;
  onClose(): void;
  initialQuery?: string;
  /** Told how many items are shown after each render (the popup marks its first result for the benchmark). */
  onResults?(count: number): void;
  /** Offered when the box is empty, each a button that runs it (default: EXAMPLE_SEARCHES, all in the ranking table). */
  examples?: readonly string[];
  /**
   * "Reflect on this" for the highlighted result (a button after the list, and Shift+Enter in the box),
   * offered when `canReflect` says the result is a learning point or wider message.
   */
  onReflect?(id: string): void;
  canReflect?(id: string, kind: Hit['kind'] | undefined): boolean;
}

export function SearchBox(p: SearchBoxProps) {
  const [q, setQ] = useState(p.initialQuery ?? '');
  const [section, setSection] = useState('');
  const [active, setActive] = useState(0);
  const input = useRef<HTMLInputElement>(null);
  const hits = useMemo(() => p.run(q, section), [q, section, p.run]);
  const empty = !q.trim();
  const examples = p.examples ?? EXAMPLE_SEARCHES;
  const items: (Suggestion & { hit?: Hit; group?: string })[] = empty
    ? [...p.tabPrompts.map((s) => ({ ...s, group: 'On this page' })), ...p.recent.filter((r) => !p.tabPrompts.some((t) => t.id === r.id)).map((s) => ({ ...s, group: 'Recently opened' }))]
    : hits.map((h) => ({ id: h.id, title: h.title, section: h.section, hit: h }));
  useEffect(() => p.onResults?.(items.length));
  const current = items[active];
  const reflectable = p.onReflect && current && (p.canReflect?.(current.id, current.hit?.kind) ?? true) ? current : undefined;
  const clamp = (i: number) => (items.length ? (i + items.length) % items.length : 0);
  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      setActive((a) => clamp(a + 1));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((a) => clamp(a - 1));
    } else if (e.key === 'Enter' && e.shiftKey && reflectable) {
      e.preventDefault();
      p.onReflect?.(reflectable.id);
    } else if (e.key === 'Enter') {
      const it = items[active];
      if (it) {
        e.preventDefault();
        p.onOpen(it.id);
      }
    } else if (e.key === 'Escape') {
      e.preventDefault();
      if (q) {
        setQ('');
        setActive(0);
      } else p.onClose();
    }
  };
  const optId = (i: number) => `opt-${i}`;
  return (
    <div class="search">
      <label for="q" class="label">
        Search learning points
      </label>
      <input
        id="q"
        ref={input}
        type="search"
        {...COMBOBOX}
        aria-expanded={items.length > 0}
        aria-controls="results"
        aria-autocomplete="list"
        aria-activedescendant={items.length ? optId(active) : undefined}
        autoFocus
        autoComplete="off"
        spellcheck={false}
        placeholder={`e.g. ${PLACEHOLDER_QUERIES.join(', ')}`}
        value={q}
        onInput={(e) => {
          setQ((e.target as HTMLInputElement).value);
          setActive(0);
        }}
        onKeyDown={onKey}
      />
      <label class="filter">
        Section{' '}
        <select value={section} onChange={(e) => setSection((e.target as HTMLSelectElement).value)}>
          <option value="">All sections</option>
          {p.sections.map((s) => (
            <option key={s.id} value={s.id}>
              {s.title}
            </option>
          ))}
        </select>
      </label>
      <p class="count" aria-live="polite">
        {empty ? (items.length ? '' : 'Type to search the learning points.') : `${hits.length} ${hits.length === 1 ? 'result' : 'results'}`}
      </p>
      <ul id="results" role="listbox" aria-label="Learning points">
        {items.map((it, i) => (
          <li
            key={it.id + (it.group ?? '')}
            id={optId(i)}
            role="option"
            aria-selected={i === active}
            class={i === active ? 'active' : ''}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => p.onOpen(it.id)}
          >
            {it.group && (i === 0 || items[i - 1]!.group !== it.group) && <span class="group">{it.group}</span>}
            <span class="title">{it.hit ? <Marked text={it.title} terms={it.hit.terms} /> : it.title}</span>
            <span class="section">
              {it.hit && <span class="kind">{KIND_LABEL[it.hit.kind]} · </span>}
              {it.section}
            </span>
            {it.hit && (
              <span class="summary">
                <Marked text={it.hit.summary} terms={it.hit.terms} />
              </span>
            )}
          </li>
        ))}
      </ul>
      {reflectable && (
        <p class="reflect-active">
          <button type="button" aria-describedby="reflect-hint" onClick={() => p.onReflect?.(reflectable.id)}>
            Reflect on this: {reflectable.title}
          </button>{' '}
          <span id="reflect-hint" class="hint">
            (the highlighted result; Shift+Enter in the search box)
          </span>
        </p>
      )}
      {empty && examples.length > 0 && (
        <div class="examples" role="group" aria-labelledby="examples-h">
          <p id="examples-h" class="group">
            Try a search
          </p>
          <div class="row">
            {examples.map((x) => (
              <button
                key={x}
                type="button"
                onClick={() => {
                  setQ(x);
                  setActive(0);
                  input.current?.focus();
                }}
              >
                {x}
              </button>
            ))}
          </div>
        </div>
      )}
    </div>
  );
}

function Marked({ text, terms }: { text: string; terms: string[] }) {
  return (
    <>
      {highlight(text, terms).map((part, i) => (part.hit ? <mark key={i}>{part.text}</mark> : part.text))}
    </>
  );
}
