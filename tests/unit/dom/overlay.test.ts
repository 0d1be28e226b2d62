// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Overlay, type OverlayView } from '../../../dom/overlay.ts';
import type { ShownPrompt } from '../../../dom/controller.ts';
import { OUR_HOST_TAG } from '../../../dom/fields.ts';

const prompt = (id: string): ShownPrompt => ({ id, why: ['neglect'], gentle: false, card: { id, section: 'S', sectionId: 's', page: 1, title: id, summary: '', question: '' } });
const ours = () => document.documentElement.querySelector(OUR_HOST_TAG.toLowerCase());

let life: AbortController;
let paint: ReturnType<typeof vi.fn<(root: ShadowRoot, view: OverlayView | null) => void>>;
let changed: ReturnType<typeof vi.fn<(ids: string[], triggers: Record<string, string[]>) => void>>;
let clock: number;
let field: HTMLElement;

beforeEach(() => {
  life = new AbortController();
  paint = vi.fn();
  changed = vi.fn();
  clock = 100_000;
  field = document.body.appendChild(document.createElement('div'));
  field.contentEditable = 'true';
  field.textContent = 'Some text about neglect';
});
afterEach(() => {
  life.abort();
  document.body.replaceChildren();
});
const overlay = () => new Overlay({ win: window, css: '.pp{}', signal: life.signal, paint, changed, now: () => clock });
const lastView = () => paint.mock.lastCall?.[1];

describe('the overlay state', () => {
  it('adds our element only once there is something to show, and paints the prompts', () => {
    const o = overlay();
    o.show([], field);
    expect(ours()).toBeNull();
    expect(paint).not.toHaveBeenCalled();
    o.show([prompt('a'), prompt('b')], field);
    expect(ours()).not.toBeNull();
    expect(lastView()).toMatchObject({ prompts: [prompt('a'), prompt('b')], expanded: false, focusRegion: false, announced: 2 });
  });

  it('tells when the ids shown change, not on every report', () => {
    const o = overlay();
    o.show([prompt('a')], field);
    o.show([{ ...prompt('a'), gentle: true }], field);
    o.show([prompt('a'), prompt('b')], field);
    o.show([], field);
    expect(changed.mock.calls.map((c) => c[0])).toEqual([['a'], ['a', 'b'], []]);
  });

  it('tells the triggers that fired per id too, and again when they change for the same ids', () => {
    const o = overlay();
    o.show([{ ...prompt('a'), triggers: ['set/t1'] }], field);
    o.show([{ ...prompt('a'), triggers: ['set/t1'] }], field);
    o.show([{ ...prompt('a'), triggers: ['set/t1', 'set/t2'] }, prompt('b')], field);
    expect(changed.mock.calls).toEqual([
      [['a'], { a: ['set/t1'] }],
      [['a', 'b'], { a: ['set/t1', 'set/t2'], b: [] }],
    ]);
  });

  it('announces new prompts at most once every five seconds', () => {
    const o = overlay();
    o.show([prompt('a')], field);
    expect(lastView()!.announced).toBe(1);
    clock += 1000;
    o.show([prompt('a'), prompt('b')], field);
    expect(lastView()!.announced).toBe(1);
    clock += 5000;
    o.show([prompt('a'), prompt('b'), prompt('c')], field);
    expect(lastView()!.announced).toBe(3);
    clock += 6000;
    o.show([prompt('a')], field); // fewer: nothing new to announce
    expect(lastView()!.announced).toBe(3);
  });

  it('shows nothing while hidden (paused, or the side panel is the surface), then shows again', () => {
    const o = overlay();
    o.show([prompt('a')], field);
    o.toggle('pointer');
    o.setHidden(true);
    expect(lastView()).toMatchObject({ prompts: [], expanded: false });
    o.toggle('keyboard'); // nothing to open while hidden
    expect(lastView()!.expanded).toBe(false);
    o.setHidden(false);
    expect(lastView()!.prompts.map((p) => p.id)).toEqual(['a']);
  });

  it('closes the list when the prompts go', () => {
    const o = overlay();
    o.show([prompt('a')], field);
    o.toggle('pointer');
    expect(lastView()).toMatchObject({ expanded: true, focusRegion: false });
    o.show([], field);
    expect(lastView()).toMatchObject({ prompts: [], expanded: false });
  });

  it('puts our element back when the page removed it, while it shows something', () => {
    const o = overlay();
    o.show([prompt('a')], field);
    ours()!.remove();
    o.keepAttached();
    expect(ours()).not.toBeNull();
  });

  it('clears the surface and removes our element when its signal aborts', () => {
    const o = overlay();
    o.show([prompt('a')], field);
    life.abort();
    expect(paint.mock.lastCall![1]).toBeNull();
    expect(ours()).toBeNull();
    o.show([prompt('b')], field);
    expect(paint.mock.lastCall![1]).toBeNull();
  });
});

describe('focus return', () => {
  function selectWord(word: string): Range {
    const text = field.firstChild as Text;
    const range = document.createRange();
    const at = text.data.indexOf(word);
    range.setStart(text, at);
    range.setEnd(text, at + word.length);
    const sel = document.getSelection()!;
    sel.removeAllRanges();
    sel.addRange(range);
    return range;
  }

  it('the shortcut opens the list with focus moving into it, and closing gives focus and the selection back', () => {
    const o = overlay();
    field.focus();
    selectWord('neglect');
    o.show([prompt('a')], field);
    o.toggle('keyboard');
    expect(lastView()).toMatchObject({ expanded: true, focusRegion: true });
    // focus moves into the list; the page's selection is lost
    field.blur();
    document.getSelection()!.removeAllRanges();
    o.toggle('keyboard');
    expect(lastView()).toMatchObject({ expanded: false, focusRegion: false });
    expect(document.activeElement).toBe(field);
    expect(document.getSelection()!.toString()).toBe('neglect');
  });

  it('Escape closes the list and gives focus and the selection back', () => {
    const o = overlay();
    field.focus();
    selectWord('text');
    o.show([prompt('a')], field);
    o.toggle('pointer');
    field.blur();
    document.getSelection()!.removeAllRanges();
    o.escape();
    expect(lastView()).toMatchObject({ expanded: false, focusRegion: false });
    expect(document.activeElement).toBe(field);
    expect(document.getSelection()!.toString()).toBe('text');
  });

  it('does not reach for a field the page has removed', () => {
    const o = overlay();
    o.show([prompt('a')], field);
    o.toggle('keyboard');
    field.remove();
    expect(() => o.escape()).not.toThrow();
    expect(document.activeElement).not.toBe(field);
  });
});

describe('placement', () => {
  it('is measured from the field: a field on the left puts the surface at the bottom right, one on the right at the bottom left', () => {
    const o = overlay();
    Object.assign(window, { innerWidth: 1280, innerHeight: 800 });
    let rect = new DOMRect(20, 100, 580, 200);
    field.getBoundingClientRect = () => rect;
    o.show([prompt('a')], field);
    expect(lastView()!.placement.corner).toBe('bottom-right');
    rect = new DOMRect(700, 100, 560, 200);
    o.show([prompt('a'), prompt('b')], field);
    expect(lastView()!.placement.corner).toBe('bottom-left');
  });
});
