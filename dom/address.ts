/**
 * A single-page app moving to another record without a page load (pushState, replaceState, back and
 * forward, the hash). The page side only notices that the address changed; what is quiet on the new
 * record is asked of the background, which reads the record from the tab's address itself.
 */

/** Adds a listener for as long as the content script lives (WXT's ctx.addEventListener). */
export type Listen = (target: EventTarget, type: string, listener: () => void) => void;

export interface WatchAddress {
  win: Window;
  listen: Listen;
  /**
   * The event to hear where there is no Navigation API (pushState and replaceState fire no event a
   * content script hears): WXT's 'wxt:locationchange', which compares the address once a second.
   */
  polled: string;
  changed: () => void;
}

/** Calls `changed` once each time the page's address changes. */
export function watchAddress({ win, listen, polled, changed }: WatchAddress): void {
  let address = win.location.href;
  const check = () => {
    if (win.location.href === address) return;
    address = win.location.href;
    changed();
  };
  listen(win, 'popstate', check);
  listen(win, 'hashchange', check);
  // the Navigation API's entry change where there is one (Chromium)
  const nav = (win as unknown as { navigation?: EventTarget }).navigation;
  if (nav && typeof nav.addEventListener === 'function') listen(nav, 'currententrychange', check);
  else listen(win, polled, check);
}

/**
 * Questions whose answers can overtake each other (what is quiet on the record shown: the background
 * reads the record from the tab's address when it answers): only the newest question's answer counts.
 */
export class NewestQuestion {
  private sent = 0;
  /** A new question: its number. */
  next(): number {
    return ++this.sent;
  }
  isNewest(n: number): boolean {
    return n === this.sent;
  }
}
