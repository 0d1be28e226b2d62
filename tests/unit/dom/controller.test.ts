// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PromptController, snoozeEnd, type PageSettings, type ShownPrompt } from '../../../dom/controller.ts';
import type { PromptCard } from '../../../core/cards.ts';
import type { PromptSet, Trigger } from '../../../core/schema/prompt-set.ts';
import { compile } from '../../../core/matcher/index.ts';
import { localCards } from '../../../platform/page-sets.ts';

/** What the page is told to load, in these tests: the sets themselves (the real pages load a compact form). */
interface Src {
  sets: PromptSet[];
  disabled: string[];
}
const loadIndex = vi.fn(async (src: unknown) => compile((src as Src).sets, { disabled: new Set((src as Src).disabled) }));

const card = (id: string): PromptCard => ({ id, section: `Section ${id}`, sectionId: 's', page: 1, title: `Title ${id}`, summary: 'Summary.', question: '' });
const T = (id: string, any: string[], extra: Partial<Trigger> = {}): Trigger => ({ id, leadsTo: [id], any, ...extra });
const builtIn: PromptSet = {
  format: 'practice-prompts/prompt-set',
  version: 1,
  id: 'b',
  name: 'Built in',
  triggers: [T('neglect', ['neglect']), T('strategy', ['strategy meeting']), T('orphan', ['orphan'])],
};
const settings = (over: Partial<PageSettings> = {}): PageSettings => ({
  maxPrompts: 3,
  cooldownMinutes: 60,
  disabledPrompts: [],
  index: { sets: [builtIn], disabled: [] } satisfies Src,
  localCards: [],
  quiet: {},
  ...over,
});

let life: AbortController;
let ta: HTMLTextAreaElement;
let show: ReturnType<typeof vi.fn<(prompts: ShownPrompt[], field: HTMLElement | null) => void>>;
let unchanged: ReturnType<typeof vi.fn<() => void>>;

beforeEach(() => {
  loadIndex.mockClear();
  life = new AbortController();
  ta = document.body.appendChild(document.createElement('textarea'));
  show = vi.fn();
  unchanged = vi.fn();
});
afterEach(() => {
  life.abort();
  document.body.replaceChildren();
});

/** A started controller with the built-in set compiled (the 'orphan' prompt has no card: never shown). */
async function started(over: Partial<PageSettings> = {}): Promise<PromptController> {
  const c = new PromptController({ win: window, signal: life.signal, cards: [card('neglect'), card('strategy')], show, unchanged, debounceMs: 5, loadIndex });
  c.start();
  c.configure(settings(over));
  ta.focus();
  // the focused field is empty: reported as it is (nothing to show), the sets load with the first text
  await vi.waitFor(() => expect(show).toHaveBeenCalledWith([], ta));
  show.mockClear();
  return c;
}
function typeText(text: string): void {
  ta.value = text;
  ta.dispatchEvent(new InputEvent('input', { bubbles: true }));
}
const lastShown = () => show.mock.lastCall?.[0].map((p) => p.id);

describe('the page-side controller', () => {
  it('reports the prompts for what is typed, with their cards and the words that matched', async () => {
    await started();
    typeText('Concerns about NEGLECT; strategy   meeting booked. An orphan word.');
    await vi.waitFor(() => expect(show).toHaveBeenCalled());
    const [prompts, field] = show.mock.lastCall!;
    expect(field).toBe(ta);
    expect(prompts.map((p) => p.id).sort()).toEqual(['neglect', 'strategy']);
    const neglect = prompts.find((p) => p.id === 'neglect')!;
    expect(neglect).toEqual({ id: 'neglect', card: card('neglect'), why: ['NEGLECT'], gentle: false, triggers: ['b/neglect'] });
  });

  it('waits for typing to settle, and reports again only when what it shows changes', async () => {
    await started();
    typeText('neglect');
    typeText('neglect noted');
    expect(show).not.toHaveBeenCalled(); // debounced
    await vi.waitFor(() => expect(show).toHaveBeenCalledTimes(1));
    typeText('neglect noted today');
    await vi.waitFor(() => expect(unchanged).toHaveBeenCalled());
    expect(show).toHaveBeenCalledTimes(1);
    typeText('No concerns about neglect');
    await vi.waitFor(() => expect(show).toHaveBeenCalledTimes(2));
    expect(show.mock.lastCall![0][0]).toMatchObject({ id: 'neglect', gentle: true });
  });

  it('keeps a dismissed or snoozed prompt quiet on this page', async () => {
    const c = await started();
    typeText('neglect and a strategy meeting');
    await vi.waitFor(() => expect(lastShown()?.sort()).toEqual(['neglect', 'strategy']));
    c.dismiss('neglect');
    expect(lastShown()).toEqual(['strategy']);
    c.snoozeLocally('strategy', Date.now() + 60_000);
    expect(lastShown()).toEqual([]);
    typeText('neglect and a strategy meeting again');
    await vi.waitFor(() => expect(unchanged).toHaveBeenCalled());
    expect(lastShown()).toEqual([]);
  });

  it('acts on a choice made on the page or in the side panel: a snooze for its time, anything else dismisses', async () => {
    const c = await started();
    typeText('neglect and a strategy meeting');
    await vi.waitFor(() => expect(lastShown()?.sort()).toEqual(['neglect', 'strategy']));
    const now = Date.now();
    c.act('neglect', 'snooze-hour', now);
    expect(lastShown()).toEqual(['strategy']);
    c.act('strategy', 'not-relevant');
    expect(lastShown()).toEqual([]);
    // the snooze ends in an hour: just before, still quiet; just after, neglect is back
    const clock = vi.spyOn(Date, 'now').mockReturnValue(now + 3_600_000 - 1000);
    try {
      typeText('neglect and a strategy meeting, later');
      await vi.waitFor(() => expect(unchanged).toHaveBeenCalled());
      expect(lastShown()).toEqual([]);
      clock.mockReturnValue(now + 3_600_000 + 1000);
      typeText('neglect and a strategy meeting, later still');
      await vi.waitFor(() => expect(lastShown()).toContain('neglect'));
    } finally {
      clock.mockRestore();
    }
  });

  it('keeps prompts quiet on this record: from the configuration, and as the record changes (a single-page app)', async () => {
    const c = await started({ recordQuiet: ['neglect'] });
    typeText('neglect and a strategy meeting');
    await vi.waitFor(() => expect(lastShown()).toEqual(['strategy']));
    // the app moves to another record, where nothing is quiet: the prompt shows
    c.addressChanged();
    c.setRecordQuiet([]);
    expect(lastShown()?.sort()).toEqual(['neglect', 'strategy']);
    // and back to one where it is quiet
    c.addressChanged();
    c.setRecordQuiet(['neglect']);
    expect(lastShown()).toEqual(['strategy']);
  });

  it('a prompt dismissed on this page shows again once the address changes (another page of a single-page app)', async () => {
    const c = await started();
    typeText('neglect and a strategy meeting');
    await vi.waitFor(() => expect(lastShown()?.sort()).toEqual(['neglect', 'strategy']));
    c.dismiss('neglect');
    expect(lastShown()).toEqual(['strategy']);
    c.setRecordQuiet([]); // the same list: nothing changes
    expect(lastShown()).toEqual(['strategy']);
    c.addressChanged();
    c.setRecordQuiet([]);
    expect(lastShown()?.sort()).toEqual(['neglect', 'strategy']);
  });

  it('never shows disabled prompts, and shows local prompts with a card of their own', async () => {
    const local: PromptSet = {
      format: 'practice-prompts/prompt-set',
      version: 1,
      id: 'loc',
      name: 'Our procedures',
      prompts: [{ id: 'zebra', title: 'Zebra procedure', text: 'Follow it.', links: [{ title: 'Procedure', url: 'https://example.org/z' }] }],
      triggers: [T('zebra', ['zebra crossing'])],
    };
    await started({ index: { sets: [builtIn, local], disabled: ['neglect'] } satisfies Src, disabledPrompts: ['neglect'], localCards: localCards([local]) });
    typeText('neglect near the zebra crossing');
    await vi.waitFor(() => expect(show).toHaveBeenCalled());
    expect(lastShown()).toEqual(['zebra']);
    expect(show.mock.lastCall![0][0]!.card).toMatchObject({ id: 'zebra', sectionId: 'local', section: 'Our procedures', title: 'Zebra procedure', setName: 'Our procedures' });
  });

  it('says nothing more once its signal aborts', async () => {
    const c = await started();
    life.abort();
    typeText('neglect');
    c.refresh();
    await new Promise((r) => setTimeout(r, 30)); // longer than the debounce: a report would have come
    expect(show).not.toHaveBeenCalled();
  });
});

describe('snoozes', () => {
  it('end an hour from now, or at the end of today', () => {
    const now = new Date(2024, 4, 10, 9, 30).getTime();
    expect(snoozeEnd('hour', now)).toBe(now + 3_600_000);
    expect(snoozeEnd('today', now)).toBe(new Date(2024, 4, 10, 23, 59, 59, 999).getTime());
  });
});

describe('loading the compiled sets', () => {
  it('a page where nobody types never loads them, nor does focus in an empty field; the first text does, once', async () => {
    const c = new PromptController({ win: window, signal: life.signal, cards: [card('neglect')], show, unchanged, debounceMs: 5, loadIndex });
    c.start();
    c.configure(settings());
    await new Promise((r) => setTimeout(r, 20));
    expect(loadIndex).not.toHaveBeenCalled();
    ta.focus();
    // the empty field is reported (nothing to show) without loading anything
    await vi.waitFor(() => expect(show).toHaveBeenCalledWith([], ta));
    ta.value = '  \n ';
    ta.dispatchEvent(new InputEvent('input', { bubbles: true }));
    await new Promise((r) => setTimeout(r, 20));
    expect(loadIndex).not.toHaveBeenCalled();
    ta.value = 'neglect';
    ta.dispatchEvent(new InputEvent('input', { bubbles: true }));
    await vi.waitFor(() => expect(show.mock.lastCall![0].map((p) => p.id)).toEqual(['neglect']));
    expect(loadIndex).toHaveBeenCalledTimes(1);
  });

  it('the first text starts loading at once, inside the debounce window', () => {
    const c = new PromptController({ win: window, signal: life.signal, cards: [card('neglect')], show, unchanged, debounceMs: 10_000, loadIndex });
    c.start();
    c.configure(settings());
    ta.focus();
    typeText('neglect');
    expect(loadIndex).toHaveBeenCalledTimes(1); // not 10 s later, when the debounce ends
  });

  it('focus in a field that already holds text loads them (a note being edited)', async () => {
    const c = new PromptController({ win: window, signal: life.signal, cards: [card('neglect')], show, unchanged, debounceMs: 5, loadIndex });
    c.start();
    c.configure(settings());
    ta.value = 'Concerns about neglect.';
    ta.focus();
    await vi.waitFor(() => expect(show.mock.lastCall?.[0].map((p) => p.id)).toEqual(['neglect']));
    expect(loadIndex).toHaveBeenCalledTimes(1);
  });

  it('a load that fails stays silent, and a new configuration tries again', async () => {
    loadIndex.mockRejectedValueOnce(new Error('unreadable'));
    const c = new PromptController({ win: window, signal: life.signal, cards: [card('neglect')], show, unchanged, debounceMs: 5, loadIndex });
    c.start();
    c.configure(settings());
    ta.value = 'neglect';
    ta.focus();
    await vi.waitFor(() => expect(loadIndex).toHaveBeenCalledTimes(1));
    expect(show).not.toHaveBeenCalled();
    c.configure(settings());
    await vi.waitFor(() => expect(show.mock.lastCall?.[0].map((p) => p.id)).toEqual(['neglect']));
    expect(loadIndex).toHaveBeenCalledTimes(2);
  });
});

describe('settings that leave the sets alone', () => {
  it('keep the loaded index (no second load), and a change of sets loads again', async () => {
    const c = await started();
    typeText('neglect');
    await vi.waitFor(() => expect(show.mock.lastCall?.[0].map((p) => p.id)).toEqual(['neglect']));
    expect(loadIndex).toHaveBeenCalledTimes(1);
    c.configure(settings({ maxPrompts: 2 }));
    typeText('neglect, again');
    await vi.waitFor(() => expect(show.mock.lastCall?.[0].map((p) => p.id)).toEqual(['neglect']));
    expect(loadIndex).toHaveBeenCalledTimes(1);
    c.configure(settings({ index: { sets: [builtIn], disabled: ['neglect'] } satisfies Src, disabledPrompts: ['neglect'] }));
    typeText('neglect and a strategy meeting');
    await vi.waitFor(() => expect(show.mock.lastCall?.[0].map((p) => p.id)).toEqual(['strategy']));
    expect(loadIndex).toHaveBeenCalledTimes(2);
  });
});
