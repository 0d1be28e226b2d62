/**
 * The in-page prompt surface. Accessibility contract (tests and screen readers rely on it):
 *  - collapsed: a button named "Practice prompts: N prompts" (aria-expanded=false);
 *  - expanded: a region (landmark) named "Practice prompts" listing each prompt under its briefing
 *    section title, exactly as the briefing writes it;
 *  - new prompts are announced politely, at most once every few seconds.
 * Buttons never take focus from the field on mouse down; the practitioner keeps typing.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ShownPrompt, SnoozeSpan } from '../dom/controller.ts';
import { whyLead } from '../core/matcher/why.ts';
import type { Placement } from '../dom/placement.ts';
import type { NotRelevantReason } from '../core/usage/counts.ts';
import { NOT_RELEVANT_REASONS, NO_REASON_LABEL } from './reasons.ts';

export interface PromptSurfaceProps {
  prompts: readonly ShownPrompt[];
  expanded: boolean;
  /** Where to sit, and how much room to take, so as not to cover the field being typed in. */
  placement: Placement;
  announcement: string;
  /** Move keyboard focus into the region (only when opened from the keyboard shortcut). */
  focusRegion: boolean;
  libraryHref(id: string): string;
  onToggle(): void;
  onOpen(id: string): void;
  onDismiss(id: string): void;
  onSnooze(id: string, span: SnoozeSpan): void;
  /** "Not relevant", with the one-click reason chosen (a code), if any. */
  onNotRelevant(id: string, reason?: NotRelevantReason): void;
  /** "Reflect on this": the reflection page for this learning point opens in a new tab (local prompts have none). */
  onReflect?(id: string): void;
  onEscape(): void;
}

const keep = (e: MouseEvent) => e.preventDefault(); // keep focus (and caret) in the practitioner's field

export function countLabel(n: number): string {
  return `Practice prompts: ${n} ${n === 1 ? 'prompt' : 'prompts'}`;
}

export function PromptSurface(p: PromptSurfaceProps) {
  const regionRef = useRef<HTMLElement>(null);
  /** The prompt whose "Not relevant" reasons are open (one at a time). */
  const [why, setWhy] = useState<string | null>(null);
  const notRelevant = (id: string, reason?: NotRelevantReason) => {
    setWhy(null);
    if (reason) p.onNotRelevant(id, reason);
    else p.onNotRelevant(id);
  };
  useEffect(() => {
    if (p.expanded && p.focusRegion) regionRef.current?.focus({ preventScroll: true });
  }, [p.expanded, p.focusRegion]);
  const n = p.prompts.length;
  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      p.onEscape();
    }
  };
  return (
    <div
      class={`pp ${p.placement.corner}`}
      style={{ '--pp-max-h': `${Math.round(p.placement.maxHeight)}px`, '--pp-w': `${Math.round(p.placement.maxWidth)}px` }}
      onKeyDown={onKey}
      hidden={n === 0}
    >
      <div role="status" aria-live="polite" class="pp-sr">
        {p.announcement}
      </div>
      {n > 0 && (
        <button
          type="button"
          class="pp-chip"
          aria-expanded={p.expanded}
          aria-controls="pp-region"
          onMouseDown={keep}
          onClick={p.onToggle}
          title={p.expanded ? 'Hide practice prompts' : 'Show practice prompts'}
        >
          <span aria-hidden="true" class="pp-dot" />
          {countLabel(n)}
        </button>
      )}
      {n > 0 && p.expanded && (
        <section id="pp-region" class="pp-region" role="region" aria-label="Practice prompts" tabIndex={-1} ref={regionRef}>
          <p class="pp-lead">For reflection — you decide what fits this child.</p>
          <ul class="pp-list">
            {p.prompts.map((x) => (
              <li key={x.id} class="pp-item">
                <article aria-labelledby={`pp-h-${x.id}`}>
                  <h2 id={`pp-h-${x.id}`} class="pp-section">
                    {x.card.section}
                  </h2>
                  <h3 class="pp-title">{x.card.title}</h3>
                  {x.gentle && <p class="pp-gentle">You noted this as not a concern. It may still be worth a moment.</p>}
                  <p class="pp-summary">{x.card.summary}</p>
                  {x.card.question && <p class="pp-question">{x.card.question}</p>}
                  {(x.why.length > 0 || x.read) && (
                    <p class="pp-why">
                      {whyLead(x.read, x.why.length)}
                    {x.why.length > 0 && ' '}
                    {x.why.map((w, i) => [i ? ', ' : '', <q key={w}>{w}</q>])}
                    </p>
                  )}
                  {x.card.links?.map((l) => (
                    <p key={l.url} class="pp-link">
                      <a href={l.url} target="_blank" rel="noopener noreferrer">
                        {l.title}
                      </a>
                    </p>
                  ))}
                  <div class="pp-actions">
                    {x.card.sectionId !== 'local' && (
                      <a
                        href={p.libraryHref(x.id)}
                        onMouseDown={keep}
                        onClick={(e) => {
                          e.preventDefault();
                          p.onOpen(x.id);
                        }}
                      >
                        <span aria-hidden="true">Open learning point</span>
                        <span class="pp-sr">Open learning point: {x.card.title}</span>
                      </a>
                    )}
                    {p.onReflect && x.card.sectionId !== 'local' && (
                      <button type="button" aria-label={`Reflect on this: ${x.card.title}`} onMouseDown={keep} onClick={() => p.onReflect?.(x.id)}>
                        Reflect on this
                      </button>
                    )}
                    <button type="button" aria-label={`Dismiss: ${x.card.title}`} onMouseDown={keep} onClick={() => p.onDismiss(x.id)}>
                      Dismiss
                    </button>
                    <button type="button" aria-label={`Snooze 1 hour: ${x.card.title}`} onMouseDown={keep} onClick={() => p.onSnooze(x.id, 'hour')}>
                      Snooze 1 hour
                    </button>
                    <button type="button" aria-label={`Snooze today: ${x.card.title}`} onMouseDown={keep} onClick={() => p.onSnooze(x.id, 'today')}>
                      Snooze today
                    </button>
                    <button
                      type="button"
                      aria-label={`Not relevant: ${x.card.title}`}
                      aria-expanded={why === x.id}
                      aria-controls={`pp-why-${x.id}`}
                      onMouseDown={keep}
                      onClick={() => setWhy(why === x.id ? null : x.id)}
                    >
                      Not relevant
                    </button>
                  </div>
                  {why === x.id && (
                    <div id={`pp-why-${x.id}`} class="pp-actions pp-reasons" role="group" aria-label={`Why not relevant: ${x.card.title}`}>
                      <span class="pp-reasons-lead">Why? (optional)</span>
                      {NOT_RELEVANT_REASONS.map((r) => (
                        <button key={r.code} type="button" aria-label={`${r.label}: ${x.card.title}`} onMouseDown={keep} onClick={() => notRelevant(x.id, r.code)}>
                          {r.label}
                        </button>
                      ))}
                      <button type="button" aria-label={`${NO_REASON_LABEL}: ${x.card.title}`} onMouseDown={keep} onClick={() => notRelevant(x.id)}>
                        {NO_REASON_LABEL}
                      </button>
                    </div>
                  )}
                </article>
              </li>
            ))}
          </ul>
          <p class="pp-foot">Summaries in our words from the Research in Practice briefing (2022) on serious case reviews 2017–19.</p>
        </section>
      )}
    </div>
  );
}

export const SURFACE_CSS = `
:host { all: initial; }
.pp, .pp * { box-sizing: border-box; font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; }
.pp { position: fixed; pointer-events: none; display: flex; flex-direction: column; gap: 8px; max-width: min(380px, calc(100vw - 24px));
  font-size: 14px; line-height: 1.4; color: #1d2733; --bg: #ffffff; --fg: #1d2733; --muted: #4a5868; --accent: #35527a; --border: #c9d2dd; }
.pp[hidden] { display: none; }
.pp.bottom-right { right: 12px; bottom: 12px; align-items: flex-end; }
.pp.top-right { right: 12px; top: 12px; align-items: flex-end; flex-direction: column-reverse; }
.pp.bottom-left { left: 12px; bottom: 12px; align-items: flex-start; }
.pp.top-left { left: 12px; top: 12px; align-items: flex-start; flex-direction: column-reverse; }
.pp-chip, .pp-region { pointer-events: auto; }
.pp-chip { display: inline-flex; align-items: center; gap: 6px; border: 1px solid var(--border); background: var(--bg); color: var(--fg);
  border-radius: 999px; padding: 6px 12px; font-size: 13px; cursor: pointer; box-shadow: 0 1px 3px rgba(0,0,0,.15);
  transition: box-shadow .2s ease; }
.pp-chip:hover { box-shadow: 0 2px 6px rgba(0,0,0,.2); }
.pp-chip:focus-visible, .pp button:focus-visible, .pp a:focus-visible, .pp-region:focus-visible { outline: 3px solid #1a65c0; outline-offset: 2px; }
.pp-dot { width: 8px; height: 8px; border-radius: 50%; background: var(--accent); }
.pp-region { background: var(--bg); color: var(--fg); border: 1px solid var(--border); border-radius: 10px; padding: 10px 12px;
  box-shadow: 0 4px 16px rgba(0,0,0,.18); max-height: var(--pp-max-h, min(70vh, 560px)); overflow: auto; width: var(--pp-w, min(380px, calc(100vw - 24px))); }
.pp-lead, .pp-foot { margin: 0 0 6px; color: var(--muted); font-size: 12px; }
.pp-foot { margin: 8px 0 0; }
.pp-list { list-style: none; margin: 0; padding: 0; display: grid; gap: 10px; }
.pp-item { border-top: 1px solid var(--border); padding-top: 8px; }
.pp-item:first-child { border-top: 0; padding-top: 0; }
.pp-section { margin: 0; font-size: 11px; font-weight: 600; text-transform: none; color: var(--accent); }
.pp-title { margin: 2px 0 4px; font-size: 15px; font-weight: 650; }
.pp-summary, .pp-question, .pp-why, .pp-gentle, .pp-link { margin: 0 0 4px; }
.pp-question { font-style: italic; }
.pp-why, .pp-gentle { color: var(--muted); font-size: 12px; }
.pp-why q { font-style: normal; font-weight: 600; color: var(--fg); }
.pp-actions { display: flex; flex-wrap: wrap; gap: 6px; margin-top: 6px; align-items: center; }
.pp-actions a, .pp-link a { color: #1a4f9c; font-weight: 600; }
.pp-actions button { font: inherit; font-size: 12px; border: 1px solid var(--border); background: transparent; color: var(--fg);
  border-radius: 6px; padding: 3px 8px; cursor: pointer; }
.pp-reasons { margin-top: 4px; padding: 6px 8px; border-left: 3px solid var(--accent); }
.pp-reasons-lead { width: 100%; color: var(--muted); font-size: 12px; }
.pp-sr { position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
@media (prefers-color-scheme: dark) {
  .pp { --bg: #1e252e; --fg: #e8edf3; --muted: #b4c0cc; --accent: #8fb3e6; --border: #3d4a59; color: #e8edf3; }
  .pp-actions a, .pp-link a { color: #9cc3ff; }
}
@media (prefers-reduced-motion: reduce) { .pp * { transition: none !important; animation: none !important; } }
@media print { .pp { display: none !important; } }
`;
