// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { NewestQuestion, watchAddress, type Listen } from '../../../dom/address.ts';

/** Listeners as the content script's context adds them, removed when the test's context ends. */
function context() {
  const life = new AbortController();
  const listen: Listen = (target, type, listener) => target.addEventListener(type, listener, { signal: life.signal });
  return { listen, end: () => life.abort() };
}

describe('watchAddress', () => {
  it('hears the hash, back and forward, and the polled event, once per change of address', () => {
    const { listen, end } = context();
    const changed = vi.fn();
    watchAddress({ win: window, listen, polled: 'test:locationchange', changed });
    const start = location.href;

    location.hash = '#record-2';
    window.dispatchEvent(new Event('hashchange'));
    expect(changed).toHaveBeenCalledTimes(1);
    // the same address again (two events for one move) is not a change
    window.dispatchEvent(new Event('popstate'));
    expect(changed).toHaveBeenCalledTimes(1);

    history.pushState({}, '', '/records/3');
    window.dispatchEvent(new Event('test:locationchange'));
    expect(changed).toHaveBeenCalledTimes(2);

    history.pushState({}, '', start);
    window.dispatchEvent(new Event('popstate'));
    expect(changed).toHaveBeenCalledTimes(3);

    end();
    history.pushState({}, '', '/records/4');
    window.dispatchEvent(new Event('popstate'));
    expect(changed).toHaveBeenCalledTimes(3);
  });

  it('uses the Navigation API where there is one, not the polled event', () => {
    const { listen, end } = context();
    const nav = new EventTarget();
    const win = Object.assign(Object.create(window) as Window, { navigation: nav, location: window.location });
    const heard: string[] = [];
    watchAddress({ win, listen: (t, type, l) => (heard.push(type), listen(t, type, l)), polled: 'test:locationchange', changed: () => {} });
    expect(heard).toContain('currententrychange');
    expect(heard).not.toContain('test:locationchange');
    end();
  });
});

describe('NewestQuestion', () => {
  it('counts only the newest question', () => {
    const q = new NewestQuestion();
    const a = q.next();
    const b = q.next();
    expect(q.isNewest(a)).toBe(false);
    expect(q.isNewest(b)).toBe(true);
  });
});
