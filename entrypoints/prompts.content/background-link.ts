/**
 * The content script's side of the conversation with the background, after the handshake: what the
 * background tells this page (toggle the list, an action chosen in the side panel, new settings) and
 * what this page asks it when the single-page app moves to another record (what is quiet there).
 * Only ids and settings cross; the page's text never does.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { browser } from 'wxt/browser';
import type { PromptController } from '../../dom/controller.ts';
import type { Overlay } from '../../dom/overlay.ts';
import { NewestQuestion, watchAddress } from '../../dom/address.ts';
import { hello, isBGtoCS, sendToBackground, type PageConfig } from '../../platform/messages.ts';

export function linkToBackground(ctx: ContentScriptContext, controller: PromptController, overlay: Overlay, apply: (c: PageConfig) => void): void {
  const { signal } = ctx;
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
