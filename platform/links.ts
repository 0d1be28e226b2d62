/**
 * Links into the extension's own pages. Kept apart from navigation.ts (which also remembers recent
 * learning points in storage) so that the content script can build links without bundling storage.
 */
import { browser } from 'wxt/browser';
import { isPromptId, libraryPath } from '../core/cards.ts';

/** The full URL of a learning point's deep link (or of the library, for no id or an invalid one). */
export function libraryUrl(id?: string): string {
  return browser.runtime.getURL(libraryPath(id) as '/library.html');
}

/** The library page opened at one of its briefing sections: `/library.html#section/<id>`. */
export function sectionUrl(sectionId: string): string {
  return /^[a-z0-9][a-z0-9._-]{0,79}$/.test(sectionId) ? browser.runtime.getURL(`/library.html#section/${sectionId}` as '/library.html') : libraryUrl();
}

/**
 * The reflection page pre-filled for one learning point: `/reflect.html#lp/<id>`. Only the id goes
 * into the address, never text. Anything that is not a prompt id opens the log of reflections instead.
 */
export function reflectUrl(id: string): string {
  return isPromptId(id) ? browser.runtime.getURL(`/reflect.html#lp/${encodeURIComponent(id)}` as '/reflect.html') : browser.runtime.getURL('/reflections.html');
}
