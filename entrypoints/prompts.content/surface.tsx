/** The overlay's painter: renders the Preact prompt surface into the overlay's shadow root. */
import { render } from 'preact';
import type { SnoozeSpan } from '../../dom/controller.ts';
import type { NotRelevantReason } from '../../platform/messages.ts';
import type { Overlay, OverlayView } from '../../dom/overlay.ts';
import { PromptSurface, countLabel } from '../../components/PromptSurface.tsx';

export { SURFACE_CSS } from '../../components/PromptSurface.tsx';

/** What the surface's buttons do beyond opening and closing the list (the overlay does that). */
export interface SurfaceActions {
  libraryHref(id: string): string;
  open(id: string): void;
  dismiss(id: string): void;
  snooze(id: string, span: SnoozeSpan): void;
  /** "Not relevant", with the reason the practitioner chose (a code), if any. */
  notRelevant(id: string, reason?: NotRelevantReason): void;
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
        onDismiss={actions.dismiss}
        onSnooze={actions.snooze}
        onNotRelevant={actions.notRelevant}
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
