import { describe, expect, it } from 'vitest';
import { overlaps, place, type Rect } from '../../../dom/placement.ts';

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
