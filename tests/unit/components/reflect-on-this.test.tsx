// @vitest-environment happy-dom
/**
 * "Reflect on this" where prompts and learning points are shown outside the library: the in-page
 * surface, the side panel's cards, and the search box's highlighted result (popup and panel). Each
 * passes the learning point's id and nothing else; local prompts (no learning point) offer none.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import axe from 'axe-core';
import { PromptSurface, type PromptSurfaceProps } from '../../../components/PromptSurface.tsx';
import { PanelPrompts } from '../../../components/PanelPrompts.tsx';
import { SearchBox } from '../../../components/SearchBox.tsx';
import type { ShownPrompt } from '../../../dom/controller.ts';
import type { PromptCard } from '../../../core/cards.ts';
import type { Hit } from '../../../core/search/search.ts';

afterEach(cleanup);

const card = (id: string, extra: Partial<PromptCard> = {}): PromptCard => ({
  id,
  section: 'Normalisation of neglect in areas of high deprivation and poverty',
  sectionId: 'neglect',
  page: 15,
  title: `Title ${id}`,
  summary: 'Summary in our words.',
  question: 'What does this mean for the child?',
  ...extra,
});
const shown = (id: string, extra: Partial<PromptCard> = {}): ShownPrompt => ({ id, why: [], gentle: false, card: card(id, extra) });

async function violations(): Promise<string[]> {
  const r = await axe.run(document.body, { rules: { 'color-contrast': { enabled: false }, region: { enabled: false } } });
  return r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

describe('in-page surface', () => {
  const props = (over: Partial<PromptSurfaceProps> = {}): PromptSurfaceProps => ({
    prompts: [shown('a'), shown('l', { sectionId: 'local', section: 'Our team' })],
    expanded: true,
    placement: { corner: 'bottom-right', maxHeight: 500, maxWidth: 380 },
    announcement: '',
    focusRegion: false,
    libraryHref: (id) => `chrome-extension://x/library.html#lp/${id}`,
    onToggle: vi.fn(),
    onOpen: vi.fn(),
    onDismiss: vi.fn(),
    onSnooze: vi.fn(),
    onNotRelevant: vi.fn(),
    onEscape: vi.fn(),
    ...over,
  });

  it('a button per learning point, named with its title, right after "Open learning point"; none for a local prompt', async () => {
    const onReflect = vi.fn();
    render(<PromptSurface {...props({ onReflect })} />);
    const b = screen.getByRole('button', { name: 'Reflect on this: Title a' });
    expect(b.textContent).toBe('Reflect on this');
    expect(screen.queryByRole('button', { name: 'Reflect on this: Title l' })).toBeNull();
    // next in tab order after the learning point's link: few key presses from the list
    const actions = [...b.parentElement!.querySelectorAll('a, button')].map((x) => x.textContent);
    expect(actions.slice(0, 2)).toEqual(['Open learning pointOpen learning point: Title a', 'Reflect on this']);
    // a press does not take focus from the practitioner's field
    const down = new MouseEvent('mousedown', { bubbles: true, cancelable: true });
    b.dispatchEvent(down);
    expect(down.defaultPrevented).toBe(true);
    fireEvent.click(b);
    expect(onReflect).toHaveBeenCalledExactlyOnceWith('a');
    expect(await violations()).toEqual([]);
  });

  it('without a handler (e.g. a preview page) there is no button', () => {
    render(<PromptSurface {...props()} />);
    expect(screen.queryByRole('button', { name: /^Reflect on this/ })).toBeNull();
  });
});

describe('side panel cards', () => {
  it('a link to the pre-filled reflection page in a new tab; none for a local prompt', async () => {
    render(
      <PanelPrompts
        prompts={[{ card: card('a'), why: [] }, { card: card('l', { sectionId: 'local', section: 'Our team' }), why: [] }]}
        libraryHref={(id) => `/library.html#lp/${id}`}
        reflectHref={(id) => `/reflect.html#lp/${id}`}
        onOpen={vi.fn()}
        onAction={vi.fn()}
      />,
    );
    const link = screen.getByRole('link', { name: 'Reflect on this: Title a' });
    expect(link.getAttribute('href')).toBe('/reflect.html#lp/a');
    expect(link.getAttribute('target')).toBe('_blank');
    expect(link.textContent).toBe('Reflect on this');
    expect(screen.queryByRole('link', { name: 'Reflect on this: Title l' })).toBeNull();
    expect(await violations()).toEqual([]);
  });
});

describe('search box (popup and panel)', () => {
  const hit = (id: string, kind: Hit['kind']): Hit => ({ id, kind, title: `Title ${id}`, section: 'S', summary: 'x', terms: [] }) as unknown as Hit;
  const run = (q: string) => (q ? [hit('lp-one', 'learning-point'), hit('theme/t', 'theme'), hit('lp-two', 'learning-point')] : []);
  const box = (onReflect: (id: string) => void) =>
    render(
      <SearchBox
        run={run}
        sections={[]}
        tabPrompts={[]}
        recent={[]}
        examples={[]}
        onOpen={vi.fn()}
        onClose={vi.fn()}
        initialQuery="x"
        canReflect={(_id, kind) => kind === 'learning-point' || kind === 'wider-message'}
        onReflect={onReflect}
      />,
    );

  it('the highlighted result: a button names it, Shift+Enter in the box reflects on it; themes offer none', async () => {
    const onReflect = vi.fn();
    box(onReflect);
    const input = screen.getByRole('combobox', { name: 'Search learning points' });
    expect(screen.getByRole('button', { name: 'Reflect on this: Title lp-one' })).toBeTruthy();
    fireEvent.keyDown(input, { key: 'Enter', shiftKey: true });
    expect(onReflect).toHaveBeenLastCalledWith('lp-one');
    fireEvent.keyDown(input, { key: 'ArrowDown' });
    expect(screen.queryByRole('button', { name: /^Reflect on this/ })).toBeNull(); // a theme
    fireEvent.keyDown(input, { key: 'Enter', shiftKey: true });
    expect(onReflect).toHaveBeenCalledTimes(1);
    fireEvent.keyDown(input, { key: 'ArrowDown' });
    fireEvent.click(screen.getByRole('button', { name: 'Reflect on this: Title lp-two' }));
    expect(onReflect).toHaveBeenLastCalledWith('lp-two');
    expect(await violations()).toEqual([]);
  });
});
