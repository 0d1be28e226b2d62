/**
 * Our element in the page: a custom-named host with a closed shadow root, styles inside it only.
 * Page CSS cannot reach in (all: initial on the host, inline !important), our CSS never leaks out.
 * Key events inside are kept from the page's own shortcuts.
 */
import { OUR_HOST_TAG } from './fields.ts';

export interface Host {
  root: ShadowRoot;
  /** Re-attach if the page removed us. */
  ensureAttached(): void;
  remove(): void;
}

const HOST_STYLE =
  'all: initial !important; position: fixed !important; z-index: 2147483646 !important; inset: auto !important; ' +
  'display: block !important; visibility: visible !important; opacity: 1 !important; transform: none !important; ' +
  'width: 0 !important; height: 0 !important; margin: 0 !important; padding: 0 !important; border: 0 !important; ' +
  'top: 0 !important; left: 0 !important; pointer-events: none !important;';

export function createHost(doc: Document, css: string, signal: AbortSignal): Host {
  const el = doc.createElement(OUR_HOST_TAG.toLowerCase());
  el.setAttribute('style', HOST_STYLE);
  const root = el.attachShadow({ mode: 'closed' });
  const style = doc.createElement('style');
  style.textContent = css; // our own stylesheet, inside our own shadow root (never a page field)
  root.appendChild(style);
  for (const type of ['keydown', 'keyup', 'keypress', 'beforeinput', 'input', 'paste', 'copy', 'cut']) {
    root.addEventListener(type, (e) => e.stopPropagation(), { signal });
  }
  const parent = () => doc.documentElement;
  const ensureAttached = () => {
    if (!el.isConnected) parent().appendChild(el);
    if (el.getAttribute('style') !== HOST_STYLE) el.setAttribute('style', HOST_STYLE);
  };
  ensureAttached();
  signal.addEventListener('abort', () => el.remove(), { once: true });
  return { root, ensureAttached, remove: () => el.remove() };
}
