// @vitest-environment happy-dom
/** The side panel's parts: full cards with why (from the set), actions, seen today, sections; accessible. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import axe from 'axe-core';
import { PanelPrompts, SectionLinks, SeenToday, countText, type PanelPrompt, type PanelPromptsProps } from '../../../components/PanelPrompts.tsx';
import type { PromptCard } from '../../../core/cards.ts';

afterEach(cleanup);

const card = (id: string, extra: Partial<PromptCard> = {}): PromptCard => ({
  id,
  section: 'Normalisation of neglect in areas of high deprivation and poverty',
  sectionId: 'neglect',
  page: 15,
  title: `Title ${id}`,
  summary: `Summary ${id}.`,
  question: `Question ${id}?`,
  ...extra,
});
const prompt = (id: string, extra: Partial<PromptCard> = {}): PanelPrompt => ({
  card: card(id, extra),
  why: [{ qualified: `briefing/t-${id}`, setName: 'Serious case reviews', triggerId: `t-${id}`, lists: [{ phrases: ['neglect', 'neglectful'], more: 3 }, { phrases: ['home conditions'], more: 0 }] }],
});
function props(over: Partial<PanelPromptsProps> = {}): PanelPromptsProps {
  return { prompts: [prompt('a'), prompt('b')], libraryHref: (id) => `chrome-extension://x/library.html#lp/${id}`, onOpen: vi.fn(), onAction: vi.fn(), ...over };
}
async function violations(): Promise<string[]> {
  const r = await axe.run(document.body, { rules: { 'color-contrast': { enabled: false }, region: { enabled: false } } });
  return r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

describe('the panel’s prompts', () => {
  it('shows each prompt as a full card: section title as the briefing writes it, title, summary, question, open in library', () => {
    render(<PanelPrompts {...props()} />);
    const a = screen.getByRole('article', { name: 'Title a' });
    expect(within(a).getByText('Normalisation of neglect in areas of high deprivation and poverty')).toBeTruthy();
    expect(within(a).getByRole('heading', { level: 2, name: 'Title a' })).toBeTruthy();
    expect(within(a).getByText('Summary a.')).toBeTruthy();
    expect(within(a).getByText('Question a?')).toBeTruthy();
    const link = within(a).getByRole('link', { name: 'Open in library: Title a' });
    expect(link.getAttribute('href')).toBe('chrome-extension://x/library.html#lp/a');
    for (const name of ['Dismiss', 'Snooze 1 hour', 'Snooze today', 'Not relevant']) expect(within(a).getByRole('button', { name: `${name}: Title a` })).toBeTruthy();
    expect(screen.getByRole('status').textContent).toBe('2 prompts for this page.');
  });

  it('says when the second reading raised a prompt, not a trigger', async () => {
    const read: PanelPrompt = { card: card('r'), why: [{ qualified: 'briefing/second-reading', setName: 'Serious case reviews', triggerId: 'second-reading', lists: [], reading: true }] };
    render(<PanelPrompts {...props({ prompts: [read, prompt('b')] })} />);
    const why = screen.getByRole('article', { name: 'Title r' }).querySelector('[data-trigger="briefing/second-reading"]')!;
    expect(why.textContent).toBe('The second reading of “Serious case reviews”: the note as a whole reads strongly like this section, and none of the set’s phrases raised it.');
    expect(screen.getByRole('article', { name: 'Title b' }).textContent).toContain('The trigger t-b');
    expect(await violations()).toEqual([]);
  });

  it('says why from the prompt set: the trigger’s id, its set and its phrases', () => {
    render(<PanelPrompts {...props()} />);
    const why = screen.getByRole('article', { name: 'Title a' }).querySelector('[data-trigger="briefing/t-a"]')!;
    expect(why.textContent).toBe('The trigger t-a in “Serious case reviews” looks for neglect, neglectful (and 3 more), together with home conditions.');
  });

  it('with nothing on show, says so (politely announced)', () => {
    render(<PanelPrompts {...props({ prompts: [] })} />);
    expect(screen.getByRole('status').textContent).toBe('No prompts for this page right now.');
    expect(screen.queryAllByRole('article')).toEqual([]);
    expect(countText(1)).toBe('1 prompt for this page.');
  });

  it('each action is passed on, the card goes at once and focus moves to the next card', async () => {
    const onAction = vi.fn();
    render(<PanelPrompts {...props({ onAction })} />);
    fireEvent.click(screen.getByRole('button', { name: 'Dismiss: Title a' }));
    expect(onAction).toHaveBeenCalledWith('a', 'dismiss');
    expect(screen.queryByRole('article', { name: 'Title a' })).toBeNull();
    expect(document.activeElement?.textContent).toBe('Title b');
    fireEvent.click(screen.getByRole('button', { name: 'Snooze 1 hour: Title b' }));
    expect(onAction).toHaveBeenLastCalledWith('b', 'snooze-hour');
    // none left: focus on the heading, never lost
    expect(document.activeElement?.id).toBe('h-tab');
    expect(screen.getByRole('status').textContent).toBe('No prompts for this page right now.');
  });

  it('snooze today and not relevant are passed on too', () => {
    const onAction = vi.fn();
    render(<PanelPrompts {...props({ onAction })} />);
    fireEvent.click(screen.getByRole('button', { name: 'Snooze today: Title a' }));
    fireEvent.click(screen.getByRole('button', { name: 'Not relevant: Title b' }));
    fireEvent.click(screen.getByRole('button', { name: 'No reason, just hide it: Title b' }));
    expect(onAction.mock.calls).toEqual([
      ['a', 'snooze-today'],
      ['b', 'not-relevant'],
    ]);
  });

  it('"Not relevant" offers optional one-click reasons and passes on the code', () => {
    const onAction = vi.fn();
    render(<PanelPrompts {...props({ onAction })} />);
    const toggle = screen.getByRole('button', { name: 'Not relevant: Title b' });
    fireEvent.click(toggle);
    expect(onAction).not.toHaveBeenCalled();
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    const group = screen.getByRole('group', { name: 'Why not relevant: Title b' });
    expect(toggle.getAttribute('aria-controls')).toBe(group.id);
    expect(within(group).getAllByRole('button').map((b) => b.textContent)).toEqual([
      'Not about this child',
      'Already considered',
      'Wrong learning point',
      'Too often',
      'No reason, just hide it',
    ]);
    fireEvent.click(within(group).getByRole('button', { name: 'Not about this child: Title b' }));
    expect(onAction.mock.calls).toEqual([['b', 'not-relevant', 'notThisChild']]);
    expect(screen.queryByRole('article', { name: 'Title b' })).toBeNull();
  });

  it('a card acted on stays hidden until the page agrees, and may come back later', () => {
    const p = props();
    const { rerender } = render(<PanelPrompts {...p} />);
    fireEvent.click(screen.getByRole('button', { name: 'Dismiss: Title a' }));
    rerender(<PanelPrompts {...p} prompts={[prompt('a'), prompt('b')]} />); // the page has not reported yet
    expect(screen.queryByRole('article', { name: 'Title a' })).toBeNull();
    rerender(<PanelPrompts {...p} prompts={[prompt('b')]} />); // it has
    rerender(<PanelPrompts {...p} prompts={[prompt('a'), prompt('b')]} />); // shown again later (e.g. snooze over)
    expect(screen.getByRole('article', { name: 'Title a' })).toBeTruthy();
  });

  it('clicking open tells the panel (to remember it as recent)', () => {
    const onOpen = vi.fn();
    render(<PanelPrompts {...props({ onOpen })} />);
    const link = screen.getByRole('link', { name: 'Open in library: Title b' });
    link.addEventListener('click', (e) => e.preventDefault());
    fireEvent.click(link);
    expect(onOpen).toHaveBeenCalledWith('b');
  });

  it('a local prompt shows its links and no library link', () => {
    render(<PanelPrompts {...props({ prompts: [prompt('l', { sectionId: 'local', section: 'Our team', links: [{ title: 'Local procedure', url: 'https://example.org/p' }] })] })} />);
    expect(screen.queryByRole('link', { name: /Open in library/ })).toBeNull();
    expect(screen.getByRole('link', { name: 'Local procedure' }).getAttribute('href')).toBe('https://example.org/p');
  });

  it('is axe clean, with cards and without', async () => {
    render(
      <main>
        <PanelPrompts {...props()} />
      </main>,
    );
    expect(await violations()).toEqual([]);
    cleanup();
    render(
      <main>
        <PanelPrompts {...props({ prompts: [] })} />
      </main>,
    );
    expect(await violations()).toEqual([]);
  });
});

describe('seen today and the library’s sections', () => {
  it('lists the prompts seen today, newest first, linking into the library', () => {
    const onOpen = vi.fn();
    render(<SeenToday cards={[card('a'), card('b')]} libraryHref={(id) => `lib#lp/${id}`} onOpen={onOpen} />);
    const links = within(screen.getByRole('region', { name: 'Seen today' })).getAllByRole('link');
    expect(links.map((l) => [l.textContent, l.getAttribute('href')])).toEqual([
      ['Title b', 'lib#lp/b'],
      ['Title a', 'lib#lp/a'],
    ]);
  });

  it('says when nothing was seen today', () => {
    render(<SeenToday cards={[]} libraryHref={(id) => id} onOpen={vi.fn()} />);
    expect(screen.getByText('None yet today.')).toBeTruthy();
  });

  it('links each briefing section into the library', async () => {
    render(
      <main>
        <SeenToday cards={[card('a')]} libraryHref={(id) => `lib#lp/${id}`} onOpen={vi.fn()} />
        <SectionLinks sections={[{ id: 'neglect', title: 'Neglect' }, { id: 'info', title: 'Information sharing' }]} sectionHref={(id) => `lib#section/${id}`} />
      </main>,
    );
    const nav = screen.getByRole('navigation', { name: 'Browse the library' });
    expect(within(nav).getAllByRole('link').map((l) => l.getAttribute('href'))).toEqual(['lib#section/neglect', 'lib#section/info']);
    expect(await violations()).toEqual([]);
  });
});
