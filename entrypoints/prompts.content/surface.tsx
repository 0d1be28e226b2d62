/** The overlay's painter: renders the Preact prompt surface into the overlay's shadow root. */
import { render } from 'preact';
import type { NotRelevantReason, PromptAction } from '../../platform/messages.ts';
import type { Overlay, OverlayView } from '../../dom/overlay.ts';
import { PromptSurface, countLabel } from '../../components/PromptSurface.tsx';

export { SURFACE_CSS } from '../../components/PromptSurface.tsx';

/** What the surface's buttons do beyond opening and closing the list (the overlay does that). */
export interface SurfaceActions {
  libraryHref(id: string): string;
  open(id: string): void;
  /** Dismiss, snooze, or "not relevant" with the reason the practitioner chose (a code), if any. */
  choose(id: string, action: PromptAction, reason?: NotRelevantReason): void;
  /** Ask the background to open the reflection page for this learning point (the id only). */
  reflect(id: string): void;
}

export function paintSurface(actions: SurfaceActions) {
  return (root: ShadowRoot, view: OverlayView | null, overlay: Overlay): void => {
    if (!view) return render(null, root);
    render(
      <PromptSurface
        prompts={view.prompts}
        expanded={view.expanded}
        placement={view.placement}
        announcement={view.announced ? `${countLabel(view.announced)} available` : ''}
        focusRegion={view.focusRegion}
        libraryHref={actions.libraryHref}
        onToggle={() => overlay.toggle('pointer')}
        onEscape={() => overlay.escape()}
        onOpen={actions.open}
        onDismiss={(id) => actions.choose(id, 'dismiss')}
        onSnooze={(id, span) => actions.choose(id, `snooze-${span}`)}
        onNotRelevant={(id, reason) => actions.choose(id, 'not-relevant', reason)}
        onReflect={(id) => {
          // the list closes and the field gets focus and selection back before the new tab opens
          overlay.handOff();
          actions.reflect(id);
        }}
      />,
      root,
    );
  };
}
