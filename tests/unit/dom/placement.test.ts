// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { absoluteRect, caretRect, measurePlacement, overlaps, place, type Rect } from '../../../dom/placement.ts';

const r = (left: number, top: number, right: number, bottom: number): Rect => ({ left, top, right, bottom });
/** The box the surface would occupy for a placement (chip + list). */
function box(p: ReturnType<typeof place>, vw: number, vh: number): Rect {
  const w = p.maxWidth;
  const h = p.maxHeight + 40;
  const [v, hz] = p.corner.split('-');
  const left = hz === 'right' ? vw - 12 - w : 12;
  const top = v === 'bottom' ? vh - 12 - h : 12;
  return r(left, top, left + w, top + h);
}

describe('placement never covers the field', () => {
  it.each([
    ['narrow field on the left', r(20, 100, 600, 300), 1280, 800],
    ['narrow field on the right', r(700, 100, 1260, 300), 1280, 800],
    ['wide field near the top (the demo)', r(230, 276, 1050, 405), 1280, 800],
    ['wide field near the bottom', r(100, 500, 1180, 760), 1280, 800],
    ['small window', r(10, 10, 390, 200), 400, 700],
  ])('%s', (_name, field, vw, vh) => {
    const p = place(field, field, vw, vh);
    expect(overlaps(box(p, vw, vh), field)).toBe(false);
    expect(p.maxHeight).toBeGreaterThanOrEqual(160);
  });
  it('a field filling the window: the corner away from the caret', () => {
    const field = r(0, 0, 1280, 800);
    const caret = r(600, 700, 602, 716); // near the bottom
    expect(place(field, caret, 1280, 800).corner.startsWith('top')).toBe(true);
  });
});

describe('measuring the page (stubbed rectangles)', () => {
  afterEach(() => document.body.replaceChildren());
  const field = (rect: DOMRect, rich = false) => {
    const el = document.body.appendChild(document.createElement(rich ? 'div' : 'textarea'));
    if (rich) el.contentEditable = 'true';
    el.getBoundingClientRect = () => rect;
    return el;
  };
  const plain = (d: DOMRect) => ({ left: d.left, top: d.top, width: d.width, height: d.height });

  it('places by the window alone when there is no field, or it left the page', () => {
    const w = { innerWidth: 1000, innerHeight: 700 } as Window;
    expect(measurePlacement(null, w)).toEqual(place(null, null, 1000, 700));
    const el = field(new DOMRect(10, 10, 100, 100));
    el.remove();
    expect(measurePlacement(el, w)).toEqual(place(null, null, 1000, 700));
  });

  it('places by the field’s rectangle in the window', () => {
    const el = field(new DOMRect(230, 276, 820, 129));
    const w = { innerWidth: 1280, innerHeight: 800 } as Window;
    expect(measurePlacement(el, w)).toEqual(place(r(230, 276, 1050, 405), r(230, 276, 1050, 405), 1280, 800));
  });

  it('adds the offsets of the frames between the field and the top window', () => {
    const el = field(new DOMRect(10, 20, 100, 50));
    const top = {} as Window;
    const inner = { frameElement: { getBoundingClientRect: () => new DOMRect(5, 7, 500, 500) }, parent: {} as Window };
    const middle = { frameElement: { getBoundingClientRect: () => new DOMRect(100, 200, 800, 600) }, parent: top };
    inner.parent = middle as unknown as Window;
    Object.defineProperty(el, 'ownerDocument', { value: { defaultView: inner } });
    expect(plain(absoluteRect(el, top))).toEqual({ left: 115, top: 227, width: 100, height: 50 });
  });

  it('stops at a cross-origin frame, keeping what it has', () => {
    const el = field(new DOMRect(10, 20, 100, 50));
    const blocked = {
      get frameElement(): Element {
        throw new DOMException('Blocked', 'SecurityError');
      },
    };
    Object.defineProperty(el, 'ownerDocument', { value: { defaultView: blocked } });
    expect(plain(absoluteRect(el, {} as Window))).toEqual({ left: 10, top: 20, width: 100, height: 50 });
  });

  it('the caret: the selection in rich text (moved by the field’s offset), else the whole field', () => {
    const rich = field(new DOMRect(50, 60, 400, 300), true);
    rich.textContent = 'some words';
    const range = document.createRange();
    range.setStart(rich.firstChild!, 5);
    range.setEnd(rich.firstChild!, 5);
    range.getBoundingClientRect = () => new DOMRect(120, 80, 0, 16);
    document.getSelection()!.removeAllRanges();
    document.getSelection()!.addRange(range);
    const absolute = new DOMRect(150, 260, 400, 300); // the field sits 100, 200 further on in the top window
    expect(plain(caretRect(rich, absolute))).toEqual({ left: 220, top: 280, width: 2, height: 16 });
    const ta = field(new DOMRect(0, 0, 10, 10));
    expect(caretRect(ta, absolute)).toBe(absolute);
  });
});
