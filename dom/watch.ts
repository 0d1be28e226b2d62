/**
 * One shared watcher per window: delegated, capturing listeners for focus, input and IME composition.
 * Fields added or replaced later (single-page apps), open shadow roots (composedPath) and same-origin
 * frames (attached when focus enters them) all arrive through the same few listeners: no
 * MutationObserver, no rescans of the document.
 */
import { editableFrom, type Editable } from './fields.ts';

export interface WatchEvents {
  /** A field got focus (or had it when we started). */
  focus(ed: Editable): void;
  /** A field's text may have changed; never called mid-composition. */
  changed(ed: Editable): void;
}

export function watchTyping(win: Window, signal: AbortSignal, on: WatchEvents): void {
  const attached = new WeakSet<Document>();
  let composing = false;

  const target = (e: Event): Editable | null => editableFrom((e.composedPath?.()[0] as EventTarget | undefined) ?? e.target);

  const attach = (w: Window): void => {
    let doc: Document;
    try {
      doc = w.document; // throws for cross-origin frames: they run their own instance
    } catch {
      return;
    }
    if (attached.has(doc)) return;
    attached.add(doc);
    const opts = { capture: true, signal, passive: true } as const;
    w.addEventListener(
      'focusin',
      (e) => {
        const t = (e.composedPath?.()[0] as Element | undefined) ?? (e.target as Element);
        if (t && (t as Element).tagName === 'IFRAME') {
          attachFrame(t as HTMLIFrameElement);
          return;
        }
        const ed = target(e);
        if (ed) on.focus(ed);
      },
      opts,
    );
    w.addEventListener(
      'input',
      (e) => {
        if (composing || (e as InputEvent).isComposing) return;
        const ed = target(e);
        if (ed) on.changed(ed);
      },
      opts,
    );
    // Focus entering a child frame fires no focusin on its <iframe> (Firefox, and Chromium at times):
    // only this window's blur, and Firefox updates activeElement after it. Look once the task is done.
    w.addEventListener(
      'blur',
      (e) => {
        if (e.target !== w) return;
        setTimeout(() => {
          const a = deepActive(doc);
          if (a?.tagName === 'IFRAME') attachFrame(a as HTMLIFrameElement);
        }, 0);
      },
      opts,
    );
    w.addEventListener('compositionstart', () => (composing = true), opts);
    w.addEventListener(
      'compositionend',
      (e) => {
        composing = false;
        const ed = target(e);
        if (ed) on.changed(ed);
      },
      opts,
    );
    // frames that already hold focus, and the field focused before we started
    const active = deepActive(doc);
    if (active?.tagName === 'IFRAME') attachFrame(active as HTMLIFrameElement);
    else if (active) {
      const ed = editableFrom(active);
      if (ed) {
        on.focus(ed);
        on.changed(ed);
      }
    }
  };

  const attachFrame = (frame: HTMLIFrameElement): void => {
    try {
      const w = frame.contentWindow;
      if (w) attach(w);
      // editor frames that start as about:blank are replaced on load: attach to the new document
      frame.addEventListener('load', () => frame.contentWindow && attach(frame.contentWindow), { signal, once: true });
    } catch {
      // cross-origin: that frame's own instance handles it
    }
  };

  attach(win);
}

function deepActive(doc: Document): Element | null {
  let a: Element | null = doc.activeElement;
  while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
  return a;
}

/** When running in a frame whose parent we can reach, the parent's instance handles this frame. */
export function parentHandlesThisFrame(win: Window): boolean {
  if (win === win.top) return false;
  try {
    return !!win.parent.document;
  } catch {
    return false;
  }
}
