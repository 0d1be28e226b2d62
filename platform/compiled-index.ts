/**
 * Loading the compiled prompt sets into a page, without compiling there (issue: instant pages).
 *
 * - The built-in set alone: read `compiled/briefing.bin` from the extension's own package (a
 *   web-accessible resource; Chrome gives it a per-session URL). This is the one place product code
 *   may call `fetch`, and only for a URL inside this extension (`ownUrl`): the lint rule against
 *   network APIs stays on everywhere else (eslint.config.js, proven by tests/unit/lint).
 * - Anything else, or a packaged file that does not fit (another engine version, other sets): ask
 *   the background, which compiles once and answers with the compact form in base64.
 *
 * Either way the form is checked against `source.hash` and rejected whole if it does not match.
 */
import { browser } from 'wxt/browser';
import { decodeIndex, fromBase64, CompactError } from '../core/matcher/compact.ts';
import type { CompiledIndex } from '../core/matcher/compile.ts';
import { sendToBackground, type IndexSource } from './messages.ts';

/** The absolute URL of a file in this extension's package, or null for anything that is not one. */
export function ownUrl(path: string, base = browser.runtime.getURL('/')): string | null {
  if (!/^[a-z0-9][a-z0-9/_.-]*$/i.test(path) || path.includes('..')) return null;
  const url = new URL(path, base).href;
  return url.startsWith(base) ? url : null;
}

async function readPackaged(path: string): Promise<Uint8Array> {
  const url = ownUrl(path);
  if (!url) throw new CompactError(`not a file of this extension: ${path}`);
  // Not a network request: `url` is a chrome-extension:// (moz-extension://) address of a file inside
  // this extension's own package (ownUrl refuses anything else). All processing stays on the machine.
  // eslint-disable-next-line no-restricted-globals -- reads this extension's own packaged file, never the network
  const res = await fetch(url);
  if (!res.ok) throw new CompactError(`could not read ${path}`);
  return new Uint8Array(await res.arrayBuffer());
}

async function askBackground(hash: string): Promise<CompiledIndex> {
  const r = await sendToBackground({ type: 'cs:index', hash });
  if (!r) throw new CompactError('the background has other prompt sets now');
  return decodeIndex(fromBase64(r.data), r.hash);
}

export async function loadIndex(source: IndexSource): Promise<CompiledIndex> {
  if (source.packaged) {
    try {
      return decodeIndex(await readPackaged(source.packaged), source.hash);
    } catch {
      // a file from another build, or unreadable: the background compiles afresh
    }
  }
  return askBackground(source.hash);
}
