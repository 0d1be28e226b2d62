/**
 * Where the prompt surface sits: at a page corner, never over the field being typed in.
 * `measurePlacement` reads the page's layout (the field's and the caret's rectangles, across
 * same-origin frames); `place` is pure geometry: it takes rectangles and returns a corner and the room
 * the surface may take.
 */
export type Corner = 'bottom-right' | 'top-right' | 'bottom-left' | 'top-left';
export interface Rect {
  left: number;
  top: number;
  right: number;
  bottom: number;
}
export interface Placement {
  corner: Corner;
  /** Height the expanded list may use (px). */
  maxHeight: number;
  /** Width the surface may use (px). */
  maxWidth: number;
}

const MARGIN = 12;
const CHIP_H = 40;
const MIN_W = 260;
const MIN_H = 160;

/**
 * Prefer the side of the field with room (right, then left), then below it, then above it; within
 * that, the corner nearest the field's end (where the caret usually is). Falls back to the corner
 * farthest from the caret when the field fills the window.
 */
export function place(field: Rect | null, caret: Rect | null, vw: number, vh: number, wantW = 380, wantH = 560): Placement {
  const fullW = Math.max(MIN_W, Math.min(wantW, vw - 2 * MARGIN));
  const fullH = Math.max(MIN_H, Math.min(wantH, vh - 2 * MARGIN - CHIP_H));
  if (!field) return { corner: 'bottom-right', maxHeight: fullH, maxWidth: fullW };
  const right = vw - field.right - 2 * MARGIN;
  const left = field.left - 2 * MARGIN;
  const below = vh - field.bottom - 2 * MARGIN - CHIP_H;
  const above = field.top - 2 * MARGIN - CHIP_H;
  if (right >= MIN_W) return { corner: 'bottom-right', maxHeight: fullH, maxWidth: Math.min(fullW, right) };
  if (left >= MIN_W) return { corner: 'bottom-left', maxHeight: fullH, maxWidth: Math.min(fullW, left) };
  if (below >= MIN_H || above >= MIN_H) {
    const useBelow = below >= above;
    return { corner: useBelow ? 'bottom-right' : 'top-right', maxHeight: Math.min(fullH, useBelow ? below : above), maxWidth: fullW };
  }
  // the field fills the window: keep to the corner farthest from the caret, small
  const c = caret ?? field;
  const cy = (c.top + c.bottom) / 2;
  const cx = (c.left + c.right) / 2;
  const corner: Corner = `${cy > vh / 2 ? 'top' : 'bottom'}-${cx > vw / 2 ? 'left' : 'right'}`;
  return { corner, maxHeight: Math.max(MIN_H, Math.min(fullH, vh / 2 - 2 * MARGIN - CHIP_H)), maxWidth: Math.min(fullW, Math.max(MIN_W, vw / 2 - 2 * MARGIN)) };
}

export function overlaps(a: Rect, b: Rect): boolean {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}

// ---- Measuring: the page's layout, in the top window's viewport -----------------------------------

/** Where the surface should sit in `win` (the window that holds it) for the field being typed in. */
export function measurePlacement(field: HTMLElement | null, win: Window): Placement {
  const vw = win.innerWidth;
  const vh = win.innerHeight;
  if (!field || !field.isConnected) return place(null, null, vw, vh);
  const rect = absoluteRect(field, win);
  return place(rect, caretRect(field, rect), vw, vh);
}

/** The element's rectangle in `top`'s viewport (adds frame offsets for same-origin frames). */
export function absoluteRect(el: HTMLElement, top: Window): DOMRect {
  const r = el.getBoundingClientRect();
  let x = r.left;
  let y = r.top;
  let w: Window | null = el.ownerDocument.defaultView;
  try {
    while (w && w !== top && w.frameElement) {
      const fr = w.frameElement.getBoundingClientRect();
      x += fr.left;
      y += fr.top;
      w = w.parent;
    }
  } catch {
    /* cross-origin: keep what we have */
  }
  return new DOMRect(x, y, r.width, r.height);
}

/**
 * Where the caret is, roughly, in the same viewport as `fieldRect` (the field's absolute rectangle):
 * the selection for rich text, the whole field otherwise (a textarea's caret cannot be measured).
 */
export function caretRect(el: HTMLElement, fieldRect: DOMRect): DOMRect {
  if (el.isContentEditable) {
    const sel = el.ownerDocument.getSelection();
    if (sel && sel.rangeCount) {
      const r = sel.getRangeAt(0).getBoundingClientRect();
      if (r.width || r.height) {
        const local = el.getBoundingClientRect();
        return new DOMRect(r.left + fieldRect.left - local.left, r.top + fieldRect.top - local.top, Math.max(r.width, 2), r.height);
      }
    }
  }
  return fieldRect;
}
