/**
 * Typed messages, named by direction (CS = content script, BG = background, UI = extension pages).
 * Only derived facts cross contexts: prompt ids, counts, choices. Never text from a page.
 */
import { browser } from 'wxt/browser';
import type { PromptCard } from '../core/cards.ts';
import type { Surface } from '../core/settings/settings.ts';
import type { NotRelevantReason } from '../core/usage/counts.ts';

/**
 * Where a page gets its compiled prompt sets (core/matcher/compact.ts) — never by compiling them:
 * the built-in set alone comes compiled in the package (`packaged`, read from the extension's own
 * files); any other combination is compiled once by the background and sent with `cs:index`.
 * `hash` is what the loaded form must carry (the sets, the disabled prompts, the engine version).
 */
export interface IndexSource {
  hash: string;
  packaged: string | null;
}

export interface PageConfig {
  state: 'demo' | 'on' | 'paused' | 'off';
  surface: Surface;
  maxPrompts: number;
  cooldownMinutes: number;
  disabledPrompts: string[];
  /** The compiled sets, loaded when a readable field first gets focus or input. */
  index: IndexSource;
  /** Cards for the local and managed sets' own prompts (the library's cards are in the bundle). */
  localCards: PromptCard[];
  /** Prompt id → time (ms) until which it stays quiet (snoozed). */
  quiet: Record<string, number>;
  /**
   * Prompt ids quiet on the record this page shows (dismissed or "not relevant" there before): the
   * background reads the record from the tab's address and keeps its id and key to itself.
   */
  recordQuiet?: string[];
}

export type FeedbackAction = 'snooze-hour' | 'snooze-today' | 'not-relevant';
/** What the practitioner can do to a prompt on show: dismiss it here, or give feedback (stored). */
export type PromptAction = 'dismiss' | FeedbackAction;
/** Why "not relevant", when the practitioner says: a code (core/usage/counts.ts REASONS), never text. */
export type { NotRelevantReason };

/**
 * Per prompt id on show, the set-qualified ids ("setId/triggerId") of the triggers that fired for it:
 * derived facts from the prompt set, never text from the page.
 */
export type PromptTriggers = Record<string, string[]>;

export type CStoBG =
  | { type: 'cs:hello' }
  | { type: 'cs:index'; hash: string }
  | { type: 'cs:prompts'; ids: string[]; triggers?: PromptTriggers }
  | { type: 'cs:open'; id: string; where: 'library' | 'panel' }
  /** "Reflect on this": open the reflection page for this learning point in a new tab (the id only, never text). */
  | { type: 'cs:reflect'; id: string }
  /** A choice made on a prompt in the page: dismiss (counted, and remembered on this record), a snooze, or "not relevant" (with an optional reason). */
  | { type: 'cs:feedback'; id: string; action: PromptAction; reason?: NotRelevantReason }
  /** The page's address changed (a single-page app): which prompt ids are quiet on the record it shows now. */
  | { type: 'cs:record' };

export type UItoBG =
  | { type: 'ui:tab-prompts'; tabId: number }
  | { type: 'ui:site'; origin: string; action: 'on' | 'off' | 'pause' | 'resume' }
  | { type: 'ui:pause-everywhere'; paused: boolean }
  | { type: 'ui:open'; id: string; where: 'library' | 'panel' }
  /** The side panel acted on a prompt on show in a tab: stored like the page's own feedback, then passed to the tab. */
  | { type: 'ui:prompt-action'; tabId: number; id: string; action: PromptAction; reason?: NotRelevantReason };

export type BGtoCS = { type: 'bg:toggle' } | { type: 'bg:config' } | { type: 'bg:prompt-action'; id: string; action: PromptAction };

export interface Replies {
  'cs:hello': PageConfig;
  /** The compact form in base64 (extension messaging carries JSON only), or null if `hash` is stale. */
  'cs:index': { hash: string; data: string } | null;
  'cs:prompts': true;
  'cs:open': true;
  'cs:reflect': true;
  'cs:feedback': true;
  /** Prompt ids quiet on the record the sending tab shows (empty when it shows none). */
  'cs:record': string[];
  'ui:tab-prompts': string[];
  'ui:site': { ok: boolean; error?: string };
  'ui:pause-everywhere': true;
  'ui:open': true;
  'ui:prompt-action': true;
}

export type ToBG = CStoBG | UItoBG;

export async function sendToBackground<M extends ToBG>(msg: M): Promise<Replies[M['type']]> {
  const reply: unknown = await browser.runtime.sendMessage(msg);
  // The background (polyfilled) answers a handler's failure with a marker object; the content script
  // uses Chrome's native namespace (vite-plugins/content-browser-plugin.ts), which would hand that
  // marker over as a reply: fail as the polyfill would.
  if (isPolyfillRejection(reply)) throw new Error(reply.message);
  return reply as Replies[M['type']];
}

/** webextension-polyfill's way of carrying a rejected reply across a message channel. */
export function isPolyfillRejection(reply: unknown): reply is { message: string } {
  return !!reply && typeof reply === 'object' && (reply as Record<string, unknown>).__mozWebExtensionPolyfillReject__ === true;
}

/**
 * The content script's handshake: this page's configuration. The background may still be starting
 * (first run, browser start-up), so ask again a few times, backing off. Undefined when it never
 * answers, when `signal` is aborted, or when this script is orphaned (the extension was updated or
 * reloaded: the runtime has no id any more).
 */
export async function hello(signal: AbortSignal, attempts = 6, firstDelayMs = 300): Promise<PageConfig | undefined> {
  for (let attempt = 0; attempt < attempts && !signal.aborted; attempt++) {
    if (attempt) await new Promise((r) => setTimeout(r, firstDelayMs * 2 ** (attempt - 1)));
    try {
      const config = await sendToBackground({ type: 'cs:hello' });
      if (config) return config;
    } catch {
      if (!browser.runtime?.id) return undefined;
    }
  }
  return undefined;
}

export async function sendToTab(tabId: number, msg: BGtoCS): Promise<void> {
  try {
    await browser.tabs.sendMessage(tabId, msg);
  } catch {
    // no content script in that tab (site not on): nothing to do
  }
}

export function isToBG(m: unknown): m is ToBG {
  return !!m && typeof m === 'object' && typeof (m as { type?: unknown }).type === 'string' && /^(cs|ui):/.test((m as { type: string }).type);
}
export function isBGtoCS(m: unknown): m is BGtoCS {
  return !!m && typeof m === 'object' && /^bg:/.test(String((m as { type?: unknown }).type));
}
