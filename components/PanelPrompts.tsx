/**
 * The side panel's parts (props in, callbacks out): this tab's prompts as full cards with why each
 * appeared (told from the prompt set: the trigger and its phrases, never the practitioner's words),
 * the prompts seen today, and the library's sections.
 *
 * Accessibility: one h1 ("Prompts for this page"), each card an article named by its h2 title under
 * its briefing section title (exactly as the briefing writes it); the count is a polite live region;
 * after an action removes a card, focus moves to the next card (or the heading), never to nowhere.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { PromptCard } from '../core/cards.ts';
import type { TriggerWhy } from '../core/prompt-sets/trigger-why.ts';
import type { NotRelevantReason } from '../core/usage/counts.ts';
import { NOT_RELEVANT_REASONS, NO_REASON_LABEL } from './reasons.ts';

export type PanelAction = 'dismiss' | 'snooze-hour' | 'snooze-today' | 'not-relevant';

export interface PanelPrompt {
  card: PromptCard;
  /** The triggers that fired for it, as the prompt set describes them. */
  why: TriggerWhy[];
}

export interface PanelPromptsProps {
  prompts: readonly PanelPrompt[];
  libraryHref(id: string): string;
  /** The reflection page pre-filled for a learning point ("Reflect on this", a new tab); local prompts have none. */
  reflectHref?(id: string): string;
  onOpen(id: string): void;
  /** A choice on a prompt; with "not-relevant", the one-click reason chosen (a code), if any. */
  onAction(id: string, action: PanelAction, reason?: NotRelevantReason): void;
}

export function countText(n: number): string {
  return n ? `${n} ${n === 1 ? 'prompt' : 'prompts'} for this page.` : 'No prompts for this page right now.';
}

const ACTIONS: { action: PanelAction; label: string }[] = [
  { action: 'dismiss', label: 'Dismiss' },
  { action: 'snooze-hour', label: 'Snooze 1 hour' },
  { action: 'snooze-today', label: 'Snooze today' },
  { action: 'not-relevant', label: 'Not relevant' },
];

export function PanelPrompts(p: PanelPromptsProps) {
  // acted on here: hidden at once, until the page's own report agrees (then forgotten)
  const [gone, setGone] = useState<ReadonlySet<string>>(new Set());
  const focusAfter = useRef<number | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const list = useRef<HTMLUListElement>(null);
  useEffect(() => {
    const still = [...gone].filter((id) => p.prompts.some((x) => x.card.id === id));
    if (still.length !== gone.size) setGone(new Set(still));
  }, [p.prompts]);
  const shown = p.prompts.filter((x) => !gone.has(x.card.id));
  useEffect(() => {
    const at = focusAfter.current;
    if (at === null) return;
    focusAfter.current = null;
    const titles = list.current?.querySelectorAll<HTMLElement>('h2') ?? [];
    const next = titles[Math.min(at, titles.length - 1)];
    (next ?? heading.current)?.focus();
  });
  /** The prompt whose "Not relevant" reasons are open (one at a time). */
  const [why, setWhy] = useState<string | null>(null);
  const act = (id: string, action: PanelAction, index: number, reason?: NotRelevantReason) => {
    focusAfter.current = index;
    setWhy(null);
    setGone(new Set([...gone, id]));
    if (reason) p.onAction(id, action, reason);
    else p.onAction(id, action);
  };
  return (
    <section aria-labelledby="h-tab" class="tab-prompts">
      <h1 id="h-tab" tabIndex={-1} ref={heading}>
        Prompts for this page
      </h1>
      <p class="count" role="status">
        {countText(shown.length)}
      </p>
      {shown.length > 0 && <p class="lead">For reflection — you decide what fits this child.</p>}
      <ul class="cards" ref={list}>
        {shown.map((x, i) => {
          const c = x.card;
          return (
            <li key={c.id}>
              <article class="card" aria-labelledby={`c-${c.id}`}>
                <p class="sec">{c.section}</p>
                <h2 id={`c-${c.id}`} tabIndex={-1}>
                  {c.title}
                </h2>
                <p>{c.summary}</p>
                {c.question && <p class="question">{c.question}</p>}
                {x.why.length > 0 && (
                  <div class="why">
                    <h3>Why this prompt</h3>
                    <ul>
                      {x.why.map((w) => (
                        <li key={w.qualified} data-trigger={w.qualified}>
                          {w.reading ? (
                            <>The second reading of “{w.setName}”: the note as a whole reads strongly like this section, and none of the set’s phrases raised it.</>
                          ) : (
                            <>
                              The trigger <code>{w.triggerId}</code> in “{w.setName}” looks for{' '}
                              {w.lists.map((l, k) => (
                                <span key={k}>
                                  {k > 0 && ', together with '}
                                  {l.phrases.map((ph, j) => [j ? ', ' : '', <q key={ph}>{ph}</q>])}
                                  {l.more > 0 && ` (and ${l.more} more)`}
                                </span>
                              ))}
                              .
                            </>
                          )}
                        </li>
                      ))}
                    </ul>
                  </div>
                )}
                {c.links?.map((l) => (
                  <p key={l.url}>
                    <a href={l.url} target="_blank" rel="noopener noreferrer">
                      {l.title}
                    </a>
                  </p>
                ))}
                <div class="actions">
                  {c.sectionId !== 'local' && (
                    <a href={p.libraryHref(c.id)} target="_blank" aria-label={`Open in library: ${c.title}`} onClick={() => p.onOpen(c.id)}>
                      Open in library
                    </a>
                  )}
                  {p.reflectHref && c.sectionId !== 'local' && (
                    <a href={p.reflectHref(c.id)} target="_blank" aria-label={`Reflect on this: ${c.title}`}>
                      Reflect on this
                    </a>
                  )}
                  {ACTIONS.map((a) =>
                    a.action === 'not-relevant' ? (
                      <button
                        key={a.action}
                        type="button"
                        aria-label={`${a.label}: ${c.title}`}
                        aria-expanded={why === c.id}
                        aria-controls={`why-${c.id}`}
                        onClick={() => setWhy(why === c.id ? null : c.id)}
                      >
                        {a.label}
                      </button>
                    ) : (
                      <button key={a.action} type="button" aria-label={`${a.label}: ${c.title}`} onClick={() => act(c.id, a.action, i)}>
                        {a.label}
                      </button>
                    ),
                  )}
                </div>
                {why === c.id && (
                  <div id={`why-${c.id}`} class="actions reasons" role="group" aria-label={`Why not relevant: ${c.title}`}>
                    <span class="reasons-lead">Why? (optional)</span>
                    {NOT_RELEVANT_REASONS.map((r) => (
                      <button key={r.code} type="button" aria-label={`${r.label}: ${c.title}`} onClick={() => act(c.id, 'not-relevant', i, r.code)}>
                        {r.label}
                      </button>
                    ))}
                    <button type="button" aria-label={`${NO_REASON_LABEL}: ${c.title}`} onClick={() => act(c.id, 'not-relevant', i)}>
                      {NO_REASON_LABEL}
                    </button>
                  </div>
                )}
              </article>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

export interface SeenTodayProps {
  /** Cards of the prompts seen today, newest last (looked up from ids; unknown ids left out). */
  cards: readonly PromptCard[];
  libraryHref(id: string): string;
  onOpen(id: string): void;
}

export function SeenToday(p: SeenTodayProps) {
  return (
    <section aria-labelledby="h-seen" class="seen">
      <h2 id="h-seen">Seen today</h2>
      {p.cards.length === 0 ? (
        <p class="count">None yet today.</p>
      ) : (
        <ul>
          {[...p.cards].reverse().map((c) => (
            <li key={c.id}>
              {c.sectionId === 'local' ? (
                c.title
              ) : (
                <a href={p.libraryHref(c.id)} target="_blank" onClick={() => p.onOpen(c.id)}>
                  {c.title}
                </a>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export interface SectionLinksProps {
  sections: readonly { id: string; title: string }[];
  sectionHref(id: string): string;
}

export function SectionLinks(p: SectionLinksProps) {
  return (
    <nav aria-labelledby="h-browse" class="browse">
      <h2 id="h-browse">Browse the library</h2>
      <ul>
        {p.sections.map((s) => (
          <li key={s.id}>
            <a href={p.sectionHref(s.id)} target="_blank">
              {s.title}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
