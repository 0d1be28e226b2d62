/**
 * Content script, wiring only: the controller (dom/controller.ts) reports prompts to the overlay
 * (dom/overlay.ts), painted by the Preact surface (./surface.tsx); the background answers the handshake
 * and hears the practitioner's choices. Local test pages here; sites switched on are registered at run time.
 */
import { defineContentScript } from 'wxt/utils/define-content-script';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { browser } from 'wxt/browser';
import cards from 'virtual:prompt-cards';
import { PromptController } from '../../dom/controller.ts';
import { Overlay } from '../../dom/overlay.ts';
import { NewestQuestion, watchAddress } from '../../dom/address.ts';
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
    choose: (id, action, reason) => {
      controller.act(id, action);
      send({ type: 'cs:feedback', id, action, ...(reason ? { reason } : {}) });
    },
    reflect: (id) => send({ type: 'cs:reflect', id }),
  });
  const overlay = new Overlay({ win: window, css: SURFACE_CSS, signal, paint, changed: (ids, triggers) => send({ type: 'cs:prompts', ids, triggers }) });
  const controller = new PromptController({ win: window, signal, cards, show: (p, f) => overlay.show(p, f), unchanged: () => overlay.keepAttached(), loadIndex: (source) => loadIndex(source as PageConfig['index']) });
  const apply = (c: PageConfig) => {
    config = c;
    const on = c.state !== 'off' && c.state !== 'paused';
    overlay.setHidden(!on || c.surface === 'panel');
    if (on) controller.configure(c);
  };
  apply(config);
  controller.start();

  // what is quiet on the record shown comes from the newest question only (cs:record, or a fresh
  // config): answers can overtake each other while a single-page app moves between records
  const asked = new NewestQuestion();
  watchAddress({
    win: window,
    listen: (target, type, listener) => ctx.addEventListener(target, type as 'popstate', listener),
    polled: 'wxt:locationchange',
    changed: () => {
      controller.addressChanged();
      const n = asked.next();
      void sendToBackground({ type: 'cs:record' })
        .then((ids) => !signal.aborted && asked.isNewest(n) && Array.isArray(ids) && controller.setRecordQuiet(ids.filter((x): x is string => typeof x === 'string')))
        .catch(() => {});
    },
  });
  const onMessage = (msg: unknown) => {
    if (signal.aborted || !isBGtoCS(msg)) return;
    if (msg.type === 'bg:toggle') overlay.toggle('keyboard');
    // chosen in the side panel (the background has stored any snooze or "not relevant")
    else if (msg.type === 'bg:prompt-action') controller.act(msg.id, msg.action);
    else {
      const n = asked.next();
      void hello(signal, 1).then((c) => c && apply(asked.isNewest(n) ? c : { ...c, recordQuiet: [...controller.recordQuiet] }));
    }
  };
  browser.runtime.onMessage.addListener(onMessage);
  ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage));
}
