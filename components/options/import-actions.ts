/**
 * Applying and undoing an import against the options platform. One write of the whole settings
 * (all or nothing); the settings from before are kept with saveLastImport so "Undo last import"
 * restores them exactly. No DOM: tests drive these with a fake platform.
 */
import type { OptionsPlatform } from '../../platform/options-platform.ts';
import { previewImport, type ExportFile, type ImportOptions, type ImportPreview } from '../../core/prompt-sets/io.ts';

export type ImportPlatform = Pick<OptionsPlatform, 'readSettings' | 'writeSettings' | 'readLastImport' | 'saveLastImport'>;

export interface ApplyResult {
  /** True when the settings were written. */
  applied: boolean;
  problems: string[];
  /** Stored settings changed since `shown` was computed: confirm this preview instead. */
  repreview?: ImportPreview;
}

function why(e: unknown): string {
  return `The settings could not be saved: ${e instanceof Error ? e.message : String(e)}`;
}

function outcomeKey(p: ImportPreview): string {
  return JSON.stringify([p.added, p.changed, p.removed, p.settingsChanged, p.skipped]);
}

/**
 * Re-preview against the freshest stored settings; when it still says what the user saw, keep
 * the current settings for undo and write the next ones once.
 */
export async function applyImport(platform: ImportPlatform, file: ExportFile, shown: ImportPreview | null, options: ImportOptions): Promise<ApplyResult> {
  let prev;
  try {
    prev = await platform.readSettings();
  } catch (e) {
    return { applied: false, problems: [`The settings could not be read: ${e instanceof Error ? e.message : String(e)}`] };
  }
  const p = previewImport(prev, file, options);
  if (!p.ok) return { applied: false, problems: p.problems };
  if (shown && outcomeKey(p) !== outcomeKey(shown)) return { applied: false, problems: [], repreview: p };
  let oldLast = null;
  try {
    oldLast = await platform.readLastImport();
    await platform.saveLastImport(prev);
  } catch (e) {
    return { applied: false, problems: [why(e)] };
  }
  let errs: string[];
  try {
    errs = await platform.writeSettings(p.next);
  } catch (e) {
    errs = [why(e)];
  }
  if (errs.length) {
    try {
      await platform.saveLastImport(oldLast);
    } catch {
      // the undo copy then holds the current settings: undoing changes nothing, which is safe
    }
    return { applied: false, problems: errs };
  }
  return { applied: true, problems: [] };
}

/** Restore the settings from before the last import, exactly, then forget the undo copy. */
export async function undoImport(platform: ImportPlatform): Promise<string[]> {
  let last;
  try {
    last = await platform.readLastImport();
  } catch (e) {
    return [why(e)];
  }
  if (!last) return ['There is no import to undo.'];
  let errs: string[];
  try {
    errs = await platform.writeSettings(last);
  } catch (e) {
    errs = [why(e)];
  }
  if (!errs.length) await platform.saveLastImport(null).catch(() => undefined);
  return errs;
}
