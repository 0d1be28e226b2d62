/**
 * The page side of Practice Prompts: follows the field being typed in, matches incrementally,
 * and reports what to show. It reads fields and never writes to them.
 */
import type { PromptCard } from '../core/cards.ts';
import { NoteMatch, rank, whyWords, WHY_SPANS, type CompiledIndex, type PromptMatch } from '../core/matcher/index.ts';
import { fieldLabel, pageContext, readText, type Editable } from './fields.ts';
import { watchTyping } from './watch.ts';

/** A prompt to show in the page: what the controller reports and the surface renders (one type, matcher to surface). */
export interface ShownPrompt {
  id: string;
  card: PromptCard;
  /** The words of the note that matched (shown in the page only; never sent anywhere). */
  why: string[];
  gentle: boolean;
  /** The triggers that fired for it, set-qualified ("setId/triggerId"): derived from the set, safe to report. */
  triggers?: string[];
  /** Raised by the set's second reading (the note as a whole reads like its section), not by phrases. */
  read?: boolean;
}

export interface ControllerOptions {
  win: Window;
  signal: AbortSignal;
  cards: readonly PromptCard[];
  /** Called with the prompts to show whenever they change. */
  show(prompts: ShownPrompt[], field: HTMLElement | null): void;
  /** Called after a refresh that changed nothing (e.g. to put the surface back if the page removed it). */
  unchanged?(): void;
  /** Debounce after input, ms. */
  debounceMs?: number;
  /**
   * Loads the compiled sets (never compiled in the page). Called once per configuration, when a
   * readable field first holds text (focus in a field with text, or input): pages where nobody types
   * pay nothing, nor does focusing an empty field.
   */
  loadIndex(source: unknown): Promise<CompiledIndex>;
}

export interface PageSettings<Source = unknown> {
  maxPrompts: number;
  cooldownMinutes: number;
  disabledPrompts: readonly string[];
  /** Where the compiled sets come from (opaque here: `loadIndex` knows). */
  index: Source;
  /** Cards of the local and managed sets' own prompts. */
  localCards: readonly PromptCard[];
  quiet: Record<string, number>;
  /** Prompt ids quiet on the record this page shows (dismissed or "not relevant" there before). */
  recordQuiet?: readonly string[];
}

interface FieldState {
  note: NoteMatch;
  label: string;
  page: string;
}

export class PromptController {
  /** Null until the compiled sets are loaded (on first focus or input in a readable field). */
  private index: CompiledIndex | null = null;
  private loading: Promise<void> | null = null;
  private configuration = 0;
  private cards = new Map<string, PromptCard>();
  private settings: PageSettings = { maxPrompts: 3, cooldownMinutes: 60, disabledPrompts: [], index: null, localCards: [], quiet: {} };
  private fields = new WeakMap<HTMLElement, FieldState>();
  private current: Editable | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** Dismissed on this page: id → until (ms). */
  private dismissed = new Map<string, number>();
  /** What was last reported (null: report the next result even if it is empty). */
  private lastKey: string | null = '';

  constructor(private readonly opts: ControllerOptions) {
    for (const c of opts.cards) this.cards.set(c.id, c);
    opts.signal.addEventListener('abort', () => clearTimeout(this.timer), { once: true });
  }

  start(): void {
    watchTyping(this.opts.win, this.opts.signal, {
      focus: (ed) => {
        this.current = ed;
        this.schedule(0);
      },
      changed: (ed) => {
        this.current = ed;
        // the first text typed starts loading at once, inside the debounce window, not after it
        if (!this.index && !this.loading && hasText(readText(ed))) this.ensureIndex();
        this.schedule(this.opts.debounceMs ?? 150);
      },
    });
  }

  configure(s: PageSettings): void {
    const sameSets = this.index !== null && JSON.stringify(s.index) === JSON.stringify(this.settings.index);
    this.settings = s;
    for (const c of s.localCards) this.cards.set(c.id, c);
    this.lastKey = null;
    // a settings change that leaves the sets alone (a snooze, a count, the surface) keeps the loaded index
    if (!sameSets) {
      this.index = null;
      this.loading = null;
      this.configuration++;
      this.fields = new WeakMap();
    }
    if (this.current) this.schedule(0);
  }

  /** Start loading the compiled sets for the current configuration (once). */
  private ensureIndex(): void {
    if (this.index || this.loading || this.opts.signal.aborted) return;
    const run = this.configuration;
    this.loading = this.opts
      .loadIndex(this.settings.index)
      .then((index) => {
        if (run !== this.configuration || this.opts.signal.aborted) return; // superseded
        this.index = index;
        this.lastKey = null;
        this.schedule(0);
      })
      .catch(() => {
        // unreadable or aborted: stay silent; the next configuration tries again
      });
  }

  dismiss(id: string): void {
    this.dismissed.set(id, Date.now() + Math.max(1, this.settings.cooldownMinutes) * 60_000);
    this.lastKey = null;
    this.refresh();
  }

  /**
   * The page's address changed without a load (a single-page app moved on): it is another page, so
   * what was dismissed on the last one is shown again (what is quiet on a record comes with setRecordQuiet).
   */
  addressChanged(): void {
    if (!this.dismissed.size) return;
    this.dismissed.clear();
    this.lastKey = null;
  }

  /** The record shown changed, or what is quiet on it did: these ids stay quiet. */
  setRecordQuiet(ids: readonly string[]): void {
    if (ids.join(',') === (this.settings.recordQuiet ?? []).join(',') && this.lastKey !== null) return;
    this.settings = { ...this.settings, recordQuiet: [...ids] };
    this.lastKey = null;
    this.refresh();
  }

  /** The ids quiet on the record shown, as last told (settings or setRecordQuiet). */
  get recordQuiet(): readonly string[] {
    return this.settings.recordQuiet ?? [];
  }

  /**
   * The practitioner's choice about a prompt shown here, made on the page or in the side panel: it
   * stays quiet here (the background stores snoozes and "not relevant").
   */
  act(id: string, action: LocalAction, now = Date.now()): void {
    if (action === 'snooze-hour' || action === 'snooze-today') this.snoozeLocally(id, snoozeEnd(action === 'snooze-hour' ? 'hour' : 'today', now));
    else this.dismiss(id);
  }

  snoozeLocally(id: string, until: number): void {
    this.settings.quiet = { ...this.settings.quiet, [id]: until };
    this.lastKey = null;
    this.refresh();
  }

  get field(): HTMLElement | null {
    return this.current?.el ?? null;
  }

  private schedule(ms: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.refresh(), ms);
  }

  /** Read the current field, match incrementally, report. */
  refresh(): void {
    if (this.opts.signal.aborted) return;
    const ed = this.current;
    if (!ed || !ed.el.isConnected) return;
    const text = readText(ed);
    let st = this.fields.get(ed.el);
    // an empty field has nothing to match: no index, no scanner (their cost waits for the first text)
    if (!st && !hasText(text)) return this.report([], ed.el);
    if (!this.index) return this.ensureIndex();
    if (!st) {
      st = { note: new NoteMatch(this.index), label: fieldLabel(ed.el), page: pageContext(ed.el) };
      this.fields.set(ed.el, st);
    }
    st.note.update(text);
    const now = Date.now();
    const quiet = new Map<string, number>(Object.entries(this.settings.quiet));
    for (const [id, until] of this.dismissed) quiet.set(id, Math.max(until, quiet.get(id) ?? 0));
    for (const id of this.settings.recordQuiet ?? []) quiet.set(id, Infinity);
    let url = '';
    try {
      url = ed.el.ownerDocument.defaultView?.top?.location.href ?? '';
    } catch {
      url = ed.el.ownerDocument.location.href;
    }
    const matches = rank(this.index, st.note.totals(), { field: st.label, page: st.page, url }, {
      maxPrompts: this.settings.maxPrompts,
      quiet,
      now,
      maxSpans: WHY_SPANS,
      reading: (r) => st.note.reading(r),
      raising: st.note.raising,
    });
    const shown = matches.filter((m) => this.cards.has(m.id)).map((m) => this.toShown(m, text));
    this.report(shown, ed.el);
  }

  private report(shown: ShownPrompt[], field: HTMLElement): void {
    const key = shown.map((s) => `${s.id}:${s.gentle}:${s.read === true}:${s.why.join('|')}:${(s.triggers ?? []).join('|')}`).join(',');
    if (key === this.lastKey) {
      this.opts.unchanged?.();
      return;
    }
    this.lastKey = key;
    this.opts.show(shown, field);
  }

  private toShown(m: PromptMatch, text: string): ShownPrompt {
    return { id: m.id, card: this.cards.get(m.id)!, why: whyWords(text, m.spans), gentle: m.gentle, triggers: m.triggers.slice(), ...(m.read ? { read: true } : {}) };
  }
}

const hasText = (text: string): boolean => /\S/.test(text);

export type SnoozeSpan = 'hour' | 'today';
/** What can be done to a prompt on show (platform/messages.ts's PromptAction). */
export type LocalAction = 'dismiss' | 'not-relevant' | 'snooze-hour' | 'snooze-today';

/** When a snooze ends (ms): an hour from now, or the end of today (local time). */
export function snoozeEnd(span: SnoozeSpan, now = Date.now()): number {
  if (span === 'hour') return now + 3_600_000;
  const d = new Date(now);
  d.setHours(23, 59, 59, 999);
  return d.getTime();
}
