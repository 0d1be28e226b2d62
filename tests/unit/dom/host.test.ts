// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createHost } from '../../../dom/host.ts';
import { OUR_HOST_TAG } from '../../../dom/fields.ts';

const ours = () => document.documentElement.querySelector(OUR_HOST_TAG.toLowerCase()) as HTMLElement | null;
afterEach(() => ours()?.remove());

describe('our element in the page', () => {
  it('is a closed shadow root holding our stylesheet, attached to the document element', () => {
    const life = new AbortController();
    const host = createHost(document, '.pp { color: red }', life.signal);
    const el = ours()!;
    expect(el.parentElement).toBe(document.documentElement);
    expect(el.shadowRoot).toBeNull(); // closed: page scripts cannot reach in
    expect(host.root.querySelector('style')?.textContent).toBe('.pp { color: red }');
    expect(el.getAttribute('style')).toContain('all: initial !important');
    life.abort();
  });

  it('comes back when the page removes it or rewrites its style', () => {
    const life = new AbortController();
    const host = createHost(document, '', life.signal);
    const el = ours()!;
    const style = el.getAttribute('style');
    el.remove();
    el.setAttribute('style', 'display: none');
    expect(ours()).toBeNull();
    host.ensureAttached();
    expect(ours()).toBe(el);
    expect(el.getAttribute('style')).toBe(style);
    life.abort();
  });

  it('keeps key and clipboard events inside from the page’s own shortcuts', () => {
    const life = new AbortController();
    const host = createHost(document, '', life.signal);
    const button = document.createElement('button');
    host.root.appendChild(button);
    const page = vi.fn();
    for (const type of ['keydown', 'input', 'paste']) document.addEventListener(type, page);
    for (const type of ['keydown', 'input', 'paste']) button.dispatchEvent(new Event(type, { bubbles: true, composed: true }));
    expect(page).not.toHaveBeenCalled();
    // the page's own fields are untouched
    document.body.dispatchEvent(new Event('keydown', { bubbles: true }));
    expect(page).toHaveBeenCalledTimes(1);
    life.abort();
    for (const type of ['keydown', 'input', 'paste']) document.removeEventListener(type, page);
  });

  it('is removed when its signal aborts', () => {
    const life = new AbortController();
    createHost(document, '', life.signal);
    expect(ours()).not.toBeNull();
    life.abort();
    expect(ours()).toBeNull();
  });
});
