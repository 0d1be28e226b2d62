/**
 * The page-side overlay: our shadow host, what it shows (the overlay state), where it sits, and
 * giving focus back to the field. It takes the controller's prompts as they are (`ShownPrompt`).
 * Painting is handed to `paint` (the entrypoint renders the Preact surface into our shadow root), so
 * this module stays free of the UI library.
 */
import type { ShownPrompt } from './controller.ts';
import { createHost, type Host } from './host.ts';
import { measurePlacement, type Placement } from './placement.ts';

/** Everything the surface needs to draw itself. */
export interface OverlayView {
  prompts: readonly ShownPrompt[];
  expanded: boolean;
  /** Move keyboard focus into the list (only when it was opened from the keyboard shortcut). */
  focusRegion: boolean;
  /** How many prompts were last announced to screen readers (0: none yet). */
  announced: number;
  placement: Placement;
}

export interface OverlayOptions {
  /** The window our host lives in (the top window this script handles). */
  win: Window;
  /** Our stylesheet, placed inside the shadow root. */
  css: string;
  signal: AbortSignal;
  /** Draw `view` into `root`; null clears it (the overlay was shut down). */
  paint(root: ShadowRoot, view: OverlayView | null, overlay: Overlay): void;
  /**
   * The ids shown changed (also to none), or the triggers that fired for them: with, per id, the
   * set-qualified trigger ids (derived facts only, never the words that matched).
   */
  changed?(ids: string[], triggers: Record<string, string[]>): void;
  /** New prompts are announced at most once in this many ms. */
  announceEveryMs?: number;
  now?(): number;
}

export class Overlay {
  private host: Host | null = null;
  private prompts: readonly ShownPrompt[] = [];
  private field: HTMLElement | null = null;
  private expanded = false;
  private focusRegion = false;
  private hidden = false;
  private announced = 0;
  private lastAnnounced = -Infinity;
  private savedRange: Range | null = null;
  /** The ids and trigger ids last told (`changed`). */
  private lastIds = '';

  constructor(private readonly opts: OverlayOptions) {
    opts.signal.addEventListener(
      'abort',
      () => {
        if (this.host) opts.paint(this.host.root, null, this);
      },
      { once: true },
    );
  }

  /** What the surface shows now (the prompts are empty while hidden). */
  get view(): OverlayView {
    return {
      prompts: this.visible ? this.prompts : [],
      expanded: this.expanded,
      focusRegion: this.focusRegion,
      announced: this.announced,
      placement: measurePlacement(this.field, this.opts.win),
    };
  }

  private get visible(): boolean {
    return !this.hidden && this.prompts.length > 0;
  }

  /** The controller's report: these prompts, for this field. */
  show(prompts: readonly ShownPrompt[], field: HTMLElement | null): void {
    const grew = prompts.some((p) => !this.prompts.some((s) => s.id === p.id));
    this.prompts = prompts;
    this.field = field;
    if (!prompts.length) this.expanded = false;
    const now = this.opts.now?.() ?? Date.now();
    if (grew && prompts.length && now - this.lastAnnounced > (this.opts.announceEveryMs ?? 5000)) {
      this.announced = prompts.length;
      this.lastAnnounced = now;
    }
    const ids = prompts.map((p) => p.id);
    const triggers: Record<string, string[]> = {};
    for (const p of prompts) triggers[p.id] = p.triggers ?? [];
    const key = prompts.map((p) => `${p.id}:${triggers[p.id]!.join('|')}`).join(',');
    if (key !== this.lastIds) {
      this.lastIds = key;
      this.opts.changed?.(ids, triggers);
    }
    this.paint();
  }

  /** Show nothing (paused, switched off, or the side panel is the chosen surface), or show again. */
  setHidden(hidden: boolean): void {
    if (hidden === this.hidden) return;
    this.hidden = hidden;
    if (hidden) this.expanded = this.focusRegion = false;
    this.paint();
  }

  /**
   * Open or close the list. From the keyboard shortcut, focus moves into the list and, on closing,
   * back to the field with its selection; a click leaves focus where it is (the field keeps it).
   */
  toggle(from: 'keyboard' | 'pointer'): void {
    if (!this.visible) return;
    if (!this.expanded) this.rememberSelection();
    this.expanded = !this.expanded;
    this.focusRegion = from === 'keyboard' && this.expanded;
    if (from === 'keyboard' && !this.expanded) this.returnFocus();
    this.paint();
  }

  /** Escape in the surface: close the list and give focus (and the selection) back to the field. */
  escape(): void {
    this.expanded = this.focusRegion = false;
    this.paint();
    this.returnFocus();
  }

  /**
   * An action takes the practitioner to another tab ("Reflect on this"): close the list and, when focus
   * was in it (the keyboard), give focus and the selection back to the field first, so that coming back
   * to this tab finds the field as it was left. A click leaves focus where it is (the field kept it).
   */
  handOff(): void {
    const inList = !!this.host?.root.activeElement;
    this.expanded = this.focusRegion = false;
    this.paint();
    if (inList) this.returnFocus();
  }

  /** Nothing changed, but a page may have removed our element: put it back while we show something. */
  keepAttached(): void {
    if (this.prompts.length) this.host?.ensureAttached();
  }

  private paint(): void {
    if (this.opts.signal.aborted) return;
    if (!this.host) {
      if (!this.visible) return;
      this.host = createHost(this.opts.win.document, this.opts.css, this.opts.signal);
    }
    this.host.ensureAttached();
    this.opts.paint(this.host.root, this.view, this);
  }

  private rememberSelection(): void {
    const sel = this.field?.ownerDocument.getSelection();
    this.savedRange = sel && sel.rangeCount ? sel.getRangeAt(0).cloneRange() : null;
  }

  private returnFocus(): void {
    const f = this.field;
    if (!f || !f.isConnected) return;
    f.focus({ preventScroll: true });
    if (this.savedRange && f.isContentEditable) {
      const sel = f.ownerDocument.getSelection();
      sel?.removeAllRanges();
      sel?.addRange(this.savedRange);
    }
  }
}
