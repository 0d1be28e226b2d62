// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { parentHandlesThisFrame, watchTyping } from '../../../dom/watch.ts';
import type { Editable } from '../../../dom/fields.ts';

let life: AbortController;
beforeEach(() => (life = new AbortController()));
afterEach(() => {
  life.abort();
  (document.activeElement as HTMLElement | null)?.blur?.();
  document.body.replaceChildren();
});

function watch() {
  const focus = vi.fn<(ed: Editable) => void>();
  const changed = vi.fn<(ed: Editable) => void>();
  watchTyping(window, life.signal, { focus, changed });
  return { focus, changed };
}
const textarea = () => document.body.appendChild(document.createElement('textarea'));
const type = (el: HTMLElement, init: InputEventInit = {}) => el.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, ...init }));

describe('the delegated watcher', () => {
  it('reports focus and typing in fields, including fields added after it started', () => {
    const on = watch();
    const ta = textarea(); // added after the watcher started: no per-field listener needed
    ta.focus();
    expect(on.focus).toHaveBeenCalledWith({ kind: 'value', el: ta });
    type(ta);
    expect(on.changed).toHaveBeenCalledWith({ kind: 'value', el: ta });
  });

  it('reports the field that had focus before it started, once as focus and once as a change', () => {
    const ta = textarea();
    ta.focus();
    const on = watch();
    expect(on.focus).toHaveBeenCalledWith({ kind: 'value', el: ta });
    expect(on.changed).toHaveBeenCalledWith({ kind: 'value', el: ta });
  });

  it('never reports mid-composition (IME), then reports once composition ends', () => {
    const on = watch();
    const ta = textarea();
    ta.dispatchEvent(new CompositionEvent('compositionstart', { bubbles: true }));
    type(ta);
    type(ta, { isComposing: true });
    expect(on.changed).not.toHaveBeenCalled();
    ta.dispatchEvent(new CompositionEvent('compositionend', { bubbles: true }));
    expect(on.changed).toHaveBeenCalledTimes(1);
    type(ta);
    expect(on.changed).toHaveBeenCalledTimes(2);
  });

  it('ignores fields it must not read', () => {
    const on = watch();
    const pw = document.body.appendChild(document.createElement('input'));
    pw.type = 'password';
    pw.focus();
    type(pw);
    expect(on.focus).not.toHaveBeenCalled();
    expect(on.changed).not.toHaveBeenCalled();
  });

  it('stops listening when its signal aborts', () => {
    const on = watch();
    const ta = textarea();
    life.abort();
    ta.focus();
    type(ta);
    expect(on.focus).not.toHaveBeenCalled();
    expect(on.changed).not.toHaveBeenCalled();
  });

  it('finds fields inside open shadow roots', () => {
    const on = watch();
    const host = document.body.appendChild(document.createElement('div'));
    const ta = host.attachShadow({ mode: 'open' }).appendChild(document.createElement('textarea'));
    type(ta);
    expect(on.changed).toHaveBeenCalledWith({ kind: 'value', el: ta });
  });
});

describe('frames', () => {
  it('the top window handles itself', () => {
    expect(parentHandlesThisFrame(window)).toBe(false);
  });
  it('a frame whose parent we can reach is handled by the parent; a cross-origin one is not', () => {
    const parent = { document: {} };
    expect(parentHandlesThisFrame({ top: {}, parent } as unknown as Window)).toBe(true);
    const crossOrigin = {
      top: {},
      get parent() {
        return {
          get document(): Document {
            throw new DOMException('Blocked a frame', 'SecurityError');
          },
        };
      },
    };
    expect(parentHandlesThisFrame(crossOrigin as unknown as Window)).toBe(false);
  });
});
