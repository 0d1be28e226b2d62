/**
 * Content script, wiring only: the controller (dom/controller.ts) reports prompts to the overlay
 * (dom/overlay.ts), painted by the Preact surface (./surface.tsx); the background answers the handshake,
 * hears the practitioner's choices and talks to the page afterwards (./background-link.ts). Local test
 * pages here; sites switched on are registered at run time.
 */
import { defineContentScript } from 'wxt/utils/define-content-script';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { browser } from 'wxt/browser';
import cards from 'virtual:prompt-cards';
import { PromptController } from '../../dom/controller.ts';
import { Overlay } from '../../dom/overlay.ts';
import { parentHandlesThisFrame } from '../../dom/watch.ts';
import { hello, sendToBackground, type CStoBG, type PageConfig } from '../../platform/messages.ts';
import { libraryUrl } from '../../platform/links.ts';
import { loadIndex } from '../../platform/compiled-index.ts';
import { paintSurface, SURFACE_CSS } from './surface.tsx';
import { linkToBackground } from './background-link.ts';

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

  linkToBackground(ctx, controller, overlay, apply);
}
