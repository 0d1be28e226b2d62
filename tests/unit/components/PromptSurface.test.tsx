// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import axe from 'axe-core';
import { PromptSurface, countLabel, type PromptSurfaceProps } from '../../../components/PromptSurface.tsx';
import type { ShownPrompt } from '../../../dom/controller.ts';

afterEach(cleanup);

const prompt = (id: string, extra: Partial<ShownPrompt['card']> = {}, why = ['neglect']): ShownPrompt => ({
  id,
  why,
  gentle: false,
  card: {
    id,
    section: 'Normalisation of neglect in areas of high deprivation and poverty',
    sectionId: 'neglect',
    page: 15,
    title: `Title ${id}`,
    summary: 'Summary in our words.',
    question: 'What does this mean for the child?',
    ...extra,
  },
});

function props(over: Partial<PromptSurfaceProps> = {}): PromptSurfaceProps {
  return {
    prompts: [prompt('a'), prompt('b')],
    expanded: false,
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
  };
}

async function violations(): Promise<string[]> {
  const r = await axe.run(document.body, { rules: { 'color-contrast': { enabled: false }, region: { enabled: false } } });
  return r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

describe('the prompt surface (accessibility contract)', () => {
  it('collapsed: one button named with the count, not expanded', async () => {
    render(<PromptSurface {...props()} />);
    const b = screen.getByRole('button', { name: 'Practice prompts: 2 prompts' });
    expect(b.getAttribute('aria-expanded')).toBe('false');
    expect(screen.queryByRole('region')).toBeNull();
    expect(countLabel(1)).toBe('Practice prompts: 1 prompt');
    expect(await violations()).toEqual([]);
  });
  it('expanded: a labelled region listing each prompt under its exact section title, with why and actions', async () => {
    const p = props({ expanded: true });
    render(<PromptSurface {...p} />);
    const region = screen.getByRole('region', { name: 'Practice prompts' });
    expect(region).toBeTruthy();
    expect(screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent)).toEqual([
      'Normalisation of neglect in areas of high deprivation and poverty',
      'Normalisation of neglect in areas of high deprivation and poverty',
    ]);
    expect(region.textContent).toContain('Why this prompt: you wrote');
    fireEvent.click(screen.getByRole('button', { name: 'Dismiss: Title a' }));
    fireEvent.click(screen.getByRole('button', { name: 'Snooze 1 hour: Title b' }));
    fireEvent.click(screen.getByRole('button', { name: 'Snooze today: Title a' }));
    fireEvent.click(screen.getByRole('button', { name: 'Not relevant: Title b' }));
    fireEvent.click(screen.getByRole('button', { name: 'No reason, just hide it: Title b' }));
    fireEvent.click(screen.getByRole('link', { name: 'Open learning point: Title a' }));
    expect(p.onDismiss).toHaveBeenCalledWith('a');
    expect(p.onSnooze).toHaveBeenCalledWith('b', 'hour');
    expect(p.onSnooze).toHaveBeenCalledWith('a', 'today');
    expect(p.onNotRelevant).toHaveBeenCalledWith('b');
    expect(p.onOpen).toHaveBeenCalledWith('a');
    expect(await violations()).toEqual([]);
  });  it('a prompt the second reading raised says so: the note as a whole, and the words that count most', async () => {
    const read: ShownPrompt = { ...prompt('r', {}, ['grubby kitchen', 'no tea']), read: true };
    render(<PromptSurface {...props({ expanded: true, prompts: [read, prompt('b')] })} />);
    const [r, b] = screen.getAllByRole('article');
    expect(r!.querySelector('.pp-why')!.textContent).toBe('Why this prompt: your note as a whole reads like this section, with words such as grubby kitchen, no tea');
    expect(b!.querySelector('.pp-why')!.textContent).toBe('Why this prompt: you wrote neglect');
    cleanup();
    // with no words to quote it still says why
    render(<PromptSurface {...props({ expanded: true, prompts: [{ ...read, why: [] }] })} />);
    expect(screen.getByRole('article').querySelector('.pp-why')!.textContent).toBe('Why this prompt: your note as a whole reads like this section.');
    expect(await violations()).toEqual([]);
  });

  it('"Not relevant" offers optional one-click reasons, by keyboard too, and passes on a code only', async () => {
    const p = props({ expanded: true });
    render(<PromptSurface {...p} />);
    const toggle = screen.getByRole('button', { name: 'Not relevant: Title b' });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(screen.queryByRole('group', { name: 'Why not relevant: Title b' })).toBeNull();
    fireEvent.click(toggle);
    expect(p.onNotRelevant).not.toHaveBeenCalled(); // nothing happens until a choice is made
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
    // native buttons: Enter and Space work from the keyboard; each is in the tab order
    for (const b of within(group).getAllByRole('button')) expect(b.tabIndex).toBe(0);
    expect(await violations()).toEqual([]);
    fireEvent.click(within(group).getByRole('button', { name: 'Already considered: Title b' }));
    expect(p.onNotRelevant).toHaveBeenCalledWith('b', 'alreadyConsidered');
    expect(screen.queryByRole('group', { name: 'Why not relevant: Title b' })).toBeNull();
    // pressed again, the reasons close without a choice
    fireEvent.click(screen.getByRole('button', { name: 'Not relevant: Title a' }));
    fireEvent.click(screen.getByRole('button', { name: 'Not relevant: Title a' }));
    expect(screen.queryByRole('group', { name: 'Why not relevant: Title a' })).toBeNull();
    expect(p.onNotRelevant).toHaveBeenCalledTimes(1);
  });

  it('buttons keep focus in the field: mousedown is prevented', () => {
    render(<PromptSurface {...props({ expanded: true })} />);
    for (const b of screen.getAllByRole('button')) {
      const ev = new MouseEvent('mousedown', { bubbles: true, cancelable: true });
      b.dispatchEvent(ev);
      expect(ev.defaultPrevented).toBe(true);
    }
  });
  it('Escape asks to return focus to the field', () => {
    const p = props({ expanded: true });
    render(<PromptSurface {...p} />);
    fireEvent.keyDown(screen.getByRole('region'), { key: 'Escape' });
    expect(p.onEscape).toHaveBeenCalled();
  });
  it('untrusted text from a local prompt set is inert: rendered as text, links https only', () => {
    const hostile = prompt('evil', {
      sectionId: 'local',
      section: '<img src=x onerror=alert(1)>',
      title: '<script>alert(1)</script>',
      summary: '\u202Eevil\u202C <b>bold</b>',
      links: [{ title: 'Local procedure', url: 'https://procedures.example/neglect' }],
    }, ['<svg onload=alert(1)>']);
    const { container } = render(<PromptSurface {...props({ prompts: [hostile], expanded: true })} />);
    expect(container.querySelector('img, script, svg, b')).toBeNull();
    expect(container.textContent).toContain('<script>alert(1)</script>');
    expect(container.textContent).toContain('<svg onload=alert(1)>');
    const links = [...container.querySelectorAll('a')].map((a) => a.getAttribute('href'));
    expect(links).toEqual(['https://procedures.example/neglect']);
  });
  it('gentle prompts say so, without a verdict', () => {
    render(<PromptSurface {...props({ expanded: true, prompts: [{ ...prompt('g'), gentle: true }] })} />);
    expect(screen.getByRole('region').textContent).toContain('You noted this as not a concern. It may still be worth a moment.');
  });
});
