/**
 * The first-run welcome page: what Practice Prompts does, the privacy promise, how to switch it on for
 * a case-recording site, and a try-it box that shows the prompts a sample note would bring up, with
 * the same engine and ranking as the page (core/matcher compile + matchText on the sets the background
 * gives the content script), with no site switched on. Props in: the page loads the sets.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { PromptCard } from '../core/cards.ts';
import { compileAsync, matchText, whyLead, whyWords, type CompiledIndex } from '../core/matcher/index.ts';
import type { PromptSet } from '../core/schema/prompt-set.ts';

export interface TryItConfig {
  /** The sets the page's prompts come from, in the background's order: built-in, organisation's, user's. */
  sets: readonly PromptSet[];
  disabledPrompts: readonly string[];
  maxPrompts: number;
}

export interface WelcomeProps {
  /** The library's cards (section, title, summary, question), by prompt id. */
  cards: readonly PromptCard[];
  load(): Promise<TryItConfig>;
  libraryHref: string;
  optionsHref: string;
}

export const SAMPLE_NOTE = 'Home visit. Mum said there is no food in the house and the children were not seen alone.';

interface Shown {
  id: string;
  card: PromptCard;
  why: string[];
  gentle: boolean;
  /** Raised by the second reading, not the set's phrases. */
  read: boolean;
}

/** Cards for the local prompts of the sets (as the content script makes them). */
function withLocalCards(cards: readonly PromptCard[], sets: readonly PromptSet[]): Map<string, PromptCard> {
  const byId = new Map(cards.map((c) => [c.id, c]));
  for (const set of sets) {
    for (const p of set.prompts ?? []) {
      byId.set(p.id, { id: p.id, section: set.name, sectionId: 'local', page: 0, title: p.title, summary: p.text, question: p.question ?? '', links: p.links ?? [], setName: set.name });
    }
  }
  return byId;
}

export function TryIt({ cards, load }: Pick<WelcomeProps, 'cards' | 'load'>) {
  const [text, setText] = useState('');
  const [engine, setEngine] = useState<{ index: CompiledIndex; config: TryItConfig; cards: Map<string, PromptCard> } | null>(null);
  const [failed, setFailed] = useState('');
  useEffect(() => {
    const ctl = new AbortController();
    void load()
      .then(async (config) => {
        // compiled in small slices, so typing stays responsive while it loads
        const index = await compileAsync(config.sets, { disabled: new Set(config.disabledPrompts), signal: ctl.signal, budgetMs: 8 });
        setEngine({ index, config, cards: withLocalCards(cards, config.sets) });
      })
      .catch((e: unknown) => {
        if (!ctl.signal.aborted) setFailed(e instanceof Error ? e.message : String(e));
      });
    return () => ctl.abort();
  }, [cards, load]);
  const shown: Shown[] = useMemo(() => {
    if (!engine || !text.trim()) return [];
    return matchText(engine.index, text, {}, { maxPrompts: engine.config.maxPrompts })
      .filter((m) => engine.cards.has(m.id))
      .map((m) => ({ id: m.id, card: engine.cards.get(m.id)!, why: whyWords(text, m.spans), gentle: m.gentle, read: m.read === true }));
  }, [engine, text]);

  const status = failed
    ? `The prompts could not be loaded: ${failed}`
    : !engine
      ? 'Loading the prompts…'
      : !text.trim()
        ? 'Type a note to see its prompts.'
        : shown.length === 0
          ? 'No prompts for this note.'
          : `${shown.length} ${shown.length === 1 ? 'prompt' : 'prompts'} for this note.`;
  return (
    <section aria-labelledby="h-try" class="try">
      <h2 id="h-try">Try it here</h2>
      <p>
        Type a made-up note, not a real case. The prompts below are the ones the page would show, from the same prompt sets and the same matching. Nothing you type here is
        stored or sent anywhere, and no site needs to be switched on.
      </p>
      <label for="try-note" class="label">
        Sample note
      </label>
      <textarea id="try-note" rows={4} value={text} onInput={(e) => setText((e.target as HTMLTextAreaElement).value)} aria-describedby="try-hint" spellcheck={false} />
      <p id="try-hint" class="hint">
        For example: “{SAMPLE_NOTE}”{' '}
        <button type="button" onClick={() => setText(SAMPLE_NOTE)}>
          Use this example
        </button>
      </p>
      <p role="status" class="try-status">
        {status}
      </p>
      {shown.length > 0 && (
        <ol class="try-results" aria-label="Prompts for this note">
          {shown.map((s) => (
            <li key={s.id}>
              <article aria-labelledby={`try-t-${s.id}`}>
                <p class="try-section">{s.card.section}</p>
                <h3 id={`try-t-${s.id}`}>{s.card.title}</h3>
                {s.gentle && <p class="hint">You noted this as not a concern. It may still be worth a moment.</p>}
                <p>{s.card.summary}</p>
                {s.card.question && (
                  <p>
                    <em>{s.card.question}</em>
                  </p>
                )}
                {(s.why.length > 0 || s.read) && (
                  <p class="try-why">
                    {whyLead(s.read, s.why.length)}
                    {s.why.length > 0 && ' '}
                    {s.why.map((w, i) => [i ? ', ' : '', <q key={w}>{w}</q>])}
                  </p>
                )}
              </article>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

export function WelcomePage(p: WelcomeProps) {
  return (
    <main class="welcome">
      <h1>Welcome to Practice Prompts</h1>
      <section aria-labelledby="h-what">
        <h2 id="h-what">What it does</h2>
        <p>
          As you write a case note, Practice Prompts notices words such as “strategy meeting”, “disclosure” or “was not brought” and shows a quiet, collapsed chip at the edge
          of the page. Open it to see the learning points from the national analysis of serious case reviews 2017–19 that fit what you wrote: the briefing section, a summary,
          a question to reflect on, and why it appeared. Prompts support reflection; they never decide. It never changes what you type.
        </p>
      </section>
      <section aria-labelledby="h-privacy">
        <h2 id="h-privacy">Your privacy</h2>
        <p>
          Nothing leaves your computer. What you type is read and matched inside the page you are writing in, and is never stored, logged or sent anywhere, not even to the
          rest of the extension: only the names of the learning points shown, and counts, are kept. The extension makes no network requests at all, and it runs only on the
          sites you (or your organisation) switch on.
        </p>
      </section>
      <section aria-labelledby="h-on">
        <h2 id="h-on">Switch it on for your case-recording site</h2>
        <ol class="steps">
          <li>Open your case-recording system (for example Liquidlogic LCS or Mosaic) in this browser.</li>
          <li>
            Click the Practice Prompts button in the toolbar (if you do not see it, open the extensions menu, the jigsaw piece, and pin it), then choose <strong>On for this site</strong>.
          </li>
          <li>The browser asks to let Practice Prompts read that one site. Allow it. Nothing else is switched on.</li>
        </ol>
        <p>
          If your organisation set it up for you, it may already be on. <kbd>Alt</kbd>+<kbd>Shift</kbd>+<kbd>P</kbd> shows or hides the prompts on a page.
        </p>
      </section>
      <TryIt cards={p.cards} load={p.load} />
      <nav aria-label="More" class="more">
        <a href={p.libraryHref}>Browse the learning library</a>
        <a href={p.optionsHref}>Settings and prompt sets</a>
      </nav>
    </main>
  );
}
