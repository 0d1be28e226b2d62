/**
 * Content script, wiring only: the controller (dom/controller.ts) reports prompts to the overlay
 * (dom/overlay.ts), painted by the Preact surface (./surface.tsx); the background answers the handshake
 * and hears the practitioner's choices. Local test pages here; sites switched on are registered at run time.
 */
import { defineContentScript } from 'wxt/utils/define-content-script';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { browser } from 'wxt/browser';
import cards from 'virtual:prompt-cards';
import { PromptController, snoozeEnd } from '../../dom/controller.ts';
import { Overlay } from '../../dom/overlay.ts';
import { parentHandlesThisFrame } from '../../dom/watch.ts';
import { hello, isBGtoCS, sendToBackground, type CStoBG, type PageConfig } from '../../platform/messages.ts';
import { libraryUrl } from '../../platform/links.ts';
import { loadIndex } from '../../platform/compiled-index.ts';
import { paintSurface, SURFACE_CSS } from './surface.tsx';

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
    void start(ctx).catch(() => ctx.abort());
  },
});

async function start(ctx: ContentScriptContext): Promise<void> {
  const { signal } = ctx;
  // an orphaned script (the extension was updated or reloaded) goes quiet
  const send = (msg: CStoBG) => void sendToBackground(msg).catch(() => browser.runtime?.id || ctx.abort());
  let config = await hello(signal);
  if (!config || config.state === 'off' || config.state === 'paused') return;

  const paint = paintSurface({
    libraryHref: libraryUrl,
    open: (id) => send({ type: 'cs:open', id, where: config!.surface === 'chip' ? 'library' : 'panel' }),
    dismiss: (id) => {
      controller.dismiss(id);
      send({ type: 'cs:feedback', id, action: 'dismiss' });
    },
    snooze: (id, span) => {
      controller.snoozeLocally(id, snoozeEnd(span));
      send({ type: 'cs:feedback', id, action: `snooze-${span}` });
    },
    notRelevant: (id, reason) => {
      controller.dismiss(id);
      send({ type: 'cs:feedback', id, action: 'not-relevant', ...(reason ? { reason } : {}) });
    },
    reflect: (id) => send({ type: 'cs:reflect', id }),
  });
  const overlay = new Overlay({ win: window, css: SURFACE_CSS, signal, paint, changed: (ids, triggers) => send({ type: 'cs:prompts', ids, triggers }) });
  const controller = new PromptController({
    win: window,
    signal,
    cards,
    show: (p, f) => overlay.show(p, f),
    unchanged: () => overlay.keepAttached(),
    loadIndex: (source) => loadIndex(source as PageConfig['index']),
  });
  const apply = (c: PageConfig) => {
    config = c;
    const on = c.state !== 'off' && c.state !== 'paused';
    overlay.setHidden(!on || c.surface === 'panel');
    if (on) controller.configure(c);
  };
  apply(config);
  controller.start();
  const asked = followAddress(ctx, controller);

  const onMessage = (msg: unknown) => {
    if (signal.aborted || !isBGtoCS(msg)) return;
    if (msg.type === 'bg:toggle') overlay.toggle('keyboard');
    else if (msg.type === 'bg:prompt-action') {
      // chosen in the side panel (the background has stored any snooze or "not relevant")
      if (msg.action === 'snooze-hour' || msg.action === 'snooze-today') controller.snoozeLocally(msg.id, snoozeEnd(msg.action === 'snooze-hour' ? 'hour' : 'today'));
      else controller.dismiss(msg.id);
    } else {
      // what is quiet on the record comes from the newest question only: a single-page app can move
      // to another record while an older answer is on its way (the rest of the config always applies)
      const n = asked.next();
      void hello(signal, 1).then((c) => c && apply(asked.isNewest(n) ? c : { ...c, recordQuiet: [...controller.recordQuiet] }));
    }
  };
  browser.runtime.onMessage.addListener(onMessage);
  ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage));
}

/**
 * A single-page app moving to another record (pushState, replaceState, back and forward, the hash):
 * ask the background which prompts are quiet on the record shown now. The background reads the record
 * from the tab's address itself; nothing about it is sent from here, and only prompt ids come back.
 */
function followAddress(ctx: ContentScriptContext, controller: PromptController): Questions {
  const asked = new Questions();
  let address = location.href;
  const check = () => {
    if (ctx.signal.aborted || location.href === address) return;
    address = location.href;
    controller.addressChanged();
    const n = asked.next();
    void sendToBackground({ type: 'cs:record' })
      .then((ids) => {
        if (!ctx.signal.aborted && asked.isNewest(n) && Array.isArray(ids)) controller.setRecordQuiet(ids.filter((x): x is string => typeof x === 'string'));
      })
      .catch(() => {});
  };
  ctx.addEventListener(window, 'popstate', check);
  ctx.addEventListener(window, 'hashchange', check);
  // pushState and replaceState fire no event a content script hears: the Navigation API's entry change
  // where there is one (Chromium), otherwise WXT's watcher (it compares the address once a second)
  const nav = (window as unknown as { navigation?: EventTarget }).navigation;
  if (nav && typeof nav.addEventListener === 'function') ctx.addEventListener(nav, 'currententrychange', check);
  else ctx.addEventListener(window, 'wxt:locationchange', check);
  return asked;
}

/**
 * Questions to the background whose answer says what is quiet on the record shown (cs:record, and
 * cs:hello after a change): the background reads the record from the tab's address when it answers,
 * and answers can overtake each other, so only the newest question's answer about the record counts.
 */
class Questions {
  private sent = 0;
  next(): number {
    return ++this.sent;
  }
  isNewest(n: number): boolean {
    return n === this.sent;
  }
}
