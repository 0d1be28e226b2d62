/**
 * Content script: thin wiring of the page-side controller, the shadow host and the prompt surface.
 * Runs on the demo and local test pages (localhost / 127.0.0.1) and, once switched on, on the
 * practitioner's own sites (registered at run time by the background). Reads fields, never writes them.
 */
import { defineContentScript } from 'wxt/utils/define-content-script';
import { browser } from 'wxt/browser';
import { render } from 'preact';
import cards from 'virtual:prompt-cards';
import { PromptController, type ShownPrompt } from '../../dom/controller.ts';
import { createHost, type Host } from '../../dom/host.ts';
import { parentHandlesThisFrame } from '../../dom/watch.ts';
import { place, type Placement } from '../../dom/placement.ts';
import { PromptSurface, SURFACE_CSS, countLabel } from '../../components/PromptSurface.tsx';
import { isBGtoCS, sendToBackground, type FeedbackAction, type PageConfig } from '../../platform/messages.ts';

const LOADED = Symbol.for('practice-prompts.loaded');

export default defineContentScript({
  matches: ['http://127.0.0.1/*', 'http://localhost/*'],
  allFrames: true,
  matchAboutBlank: true,
  runAt: 'document_idle',
  main(ctx) {
    const g = globalThis as unknown as Record<symbol, boolean>;
    if (g[LOADED] || parentHandlesThisFrame(window)) return;
    g[LOADED] = true;
    const life = new AbortController();
    ctx.onInvalidated(() => life.abort());
    void start(life).catch(() => life.abort());
  },
});

async function start(life: AbortController): Promise<void> {
  const signal = life.signal;
  const send = async <T,>(fn: () => Promise<T>): Promise<T | undefined> => {
    try {
      return await fn();
    } catch {
      // extension updated or reloaded: this orphaned script goes quiet
      if (!browser.runtime?.id) life.abort();
      return undefined;
    }
  };
  // The background may still be starting (first run, browser start-up): ask again a few times.
  let config: PageConfig | undefined;
  for (let attempt = 0; attempt < 6 && !config && !signal.aborted; attempt++) {
    if (attempt) await new Promise((r) => setTimeout(r, 150 * 2 ** attempt));
    try {
      config = await sendToBackground({ type: 'cs:hello' });
    } catch {
      if (!browser.runtime?.id) return life.abort();
    }
  }
  if (!config || config.state === 'off' || config.state === 'paused') return;

  let host: Host | null = null;
  let shown: ShownPrompt[] = [];
  let field: HTMLElement | null = null;
  let expanded = false;
  let focusRegion = false;
  let announcement = '';
  let lastAnnounced = 0;
  let savedRange: Range | null = null;
  let lastIds = '';

  const controller = new PromptController({
    win: window,
    signal,
    cards,
    // a page that removed our element gets it back on the next keystroke
    unchanged: () => shown.length > 0 && host?.ensureAttached(),
    show: (prompts, f) => {
      const grew = prompts.some((p) => !shown.some((s) => s.id === p.id));
      shown = prompts;
      field = f;
      if (!prompts.length) expanded = false;
      const now = Date.now();
      if (grew && prompts.length && now - lastAnnounced > 5000) {
        announcement = `${countLabel(prompts.length)} available`;
        lastAnnounced = now;
      }
      const ids = prompts.map((p) => p.id).join(',');
      if (ids !== lastIds) {
        lastIds = ids;
        void send(() => sendToBackground({ type: 'cs:prompts', ids: prompts.map((p) => p.id) }));
      }
      paint();
    },
  });
  const apply = (c: PageConfig) =>
    controller.configure({ maxPrompts: c.maxPrompts, cooldownMinutes: c.cooldownMinutes, disabledPrompts: c.disabledPrompts, sets: c.sets, quiet: c.quiet });
  apply(config);
  controller.start();

  const onMessage = (msg: unknown) => {
    if (signal.aborted || !isBGtoCS(msg)) return;
    if (msg.type === 'bg:toggle') {
      if (!shown.length) return;
      if (!expanded) rememberSelection();
      expanded = !expanded;
      focusRegion = expanded;
      if (!expanded) returnFocus();
      paint();
    } else if (msg.type === 'bg:config') {
      void send(() => sendToBackground({ type: 'cs:hello' })).then((c) => {
        if (!c) return;
        config = c;
        if (c.state === 'off' || c.state === 'paused') {
          shown = [];
          paint();
          return;
        }
        apply(c);
      });
    }
  };
  browser.runtime.onMessage.addListener(onMessage);
  signal.addEventListener('abort', () => {
    try {
      browser.runtime.onMessage.removeListener(onMessage);
    } catch {
      /* context gone */
    }
    if (host) render(null, host.root);
  });

  function rememberSelection(): void {
    const sel = field?.ownerDocument.getSelection();
    savedRange = sel && sel.rangeCount ? sel.getRangeAt(0).cloneRange() : null;
  }
  function returnFocus(): void {
    const f = field;
    if (!f || !f.isConnected) return;
    f.focus({ preventScroll: true });
    if (savedRange && f.isContentEditable) {
      const sel = f.ownerDocument.getSelection();
      sel?.removeAllRanges();
      sel?.addRange(savedRange);
    }
  }

  function placement(): Placement {
    const vw = window.innerWidth;
    const vh = window.innerHeight;
    if (!field || !field.isConnected) return place(null, null, vw, vh);
    return place(absoluteRect(field), caretRect(field), vw, vh);
  }

  function paint(): void {
    if (signal.aborted) return;
    const visible = config!.surface !== 'panel' && shown.length > 0;
    if (!host) {
      if (!visible) return;
      host = createHost(document, SURFACE_CSS, signal);
    }
    host.ensureAttached();
    render(
      <PromptSurface
        prompts={visible ? shown : []}
        expanded={expanded}
        placement={placement()}
        announcement={announcement}
        focusRegion={focusRegion}
        libraryHref={(id) => browser.runtime.getURL(`/library.html#lp/${id}`)}
        onToggle={() => {
          expanded = !expanded;
          focusRegion = false;
          paint();
        }}
        onOpen={(id) => void send(() => sendToBackground({ type: 'cs:open', id, where: config!.surface === 'chip' ? 'library' : 'panel' }))}
        onDismiss={(id) => controller.dismiss(id)}
        onSnooze={(id, span) => {
          const action: FeedbackAction = span === 'hour' ? 'snooze-hour' : 'snooze-today';
          const until = span === 'hour' ? Date.now() + 3_600_000 : endOfToday();
          controller.snoozeLocally(id, until);
          void send(() => sendToBackground({ type: 'cs:feedback', id, action }));
        }}
        onNotRelevant={(id) => {
          controller.dismiss(id);
          void send(() => sendToBackground({ type: 'cs:feedback', id, action: 'not-relevant' }));
        }}
        onEscape={() => {
          expanded = false;
          focusRegion = false;
          paint();
          returnFocus();
        }}
      />,
      host.root,
    );
  }
}

function endOfToday(): number {
  const d = new Date();
  d.setHours(23, 59, 59, 999);
  return d.getTime();
}

/** The field's rectangle in the top window's viewport (adds frame offsets for same-origin frames). */
function absoluteRect(el: HTMLElement): DOMRect {
  const r = el.getBoundingClientRect();
  let x = r.left;
  let y = r.top;
  let w: Window | null = el.ownerDocument.defaultView;
  try {
    while (w && w !== window && w.frameElement) {
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

/** Where the caret is, roughly: the field's bottom line for textareas, the selection for rich text. */
function caretRect(el: HTMLElement): DOMRect | null {
  const full = absoluteRect(el);
  if (el.isContentEditable) {
    const sel = el.ownerDocument.getSelection();
    if (sel && sel.rangeCount) {
      const r = sel.getRangeAt(0).getBoundingClientRect();
      if (r.width || r.height) {
        const off = absoluteRect(el);
        const local = el.getBoundingClientRect();
        return new DOMRect(r.left + off.left - local.left, r.top + off.top - local.top, Math.max(r.width, 2), r.height);
      }
    }
  }
  return full;
}
