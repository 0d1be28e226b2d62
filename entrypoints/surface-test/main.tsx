/**
 * Test page (unlisted, not in the manifest; excluded from the store zips in wxt.config.ts): the in-page
 * prompt surface (components/PromptSurface.tsx, with the content script's own SURFACE_CSS) rendered with
 * sample prompts into an OPEN shadow root, so axe and the text-spacing checks can reach it
 * (tests/e2e/a11y.spec.ts). In real pages the root is closed; those are checked through the
 * accessibility tree. `?expanded=1` starts expanded; the chip toggles, Escape closes.
 */
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import cards from 'virtual:prompt-cards';
import { PromptSurface, SURFACE_CSS, countLabel } from '../../components/PromptSurface.tsx';
import type { ShownPrompt } from '../../dom/controller.ts';
import { place } from '../../dom/placement.ts';
import { libraryUrl } from '../../platform/links.ts';

const pick = (id: string) => cards.find((c) => c.id === id) ?? cards[0]!;
const PROMPTS: ShownPrompt[] = [
  { id: pick('neglect-rarely-alone').id, card: pick('neglect-rarely-alone'), why: ['neglect', 'no food in the house'], gentle: false },
  { id: pick('trusting-relationship-seen-alone').id, card: pick('trusting-relationship-seen-alone'), why: ['not seen alone'], gentle: true },
  {
    id: 'local-escalation',
    card: {
      id: 'local-escalation',
      section: 'Our local procedures',
      sectionId: 'local',
      page: 0,
      title: 'Our escalation policy',
      summary: 'When you disagree with a partner agency’s decision, the escalation policy says who to talk to and when.',
      question: 'Who do you need to talk to?',
      links: [{ title: 'Escalation policy', url: 'https://intranet.example.gov.uk/escalation' }],
      setName: 'Our local procedures',
    },
    why: ['disagree'],
    gentle: false,
  },
];

function Surface() {
  const [expanded, setExpanded] = useState(new URLSearchParams(location.search).get('expanded') === '1');
  const [size, setSize] = useState({ w: innerWidth, h: innerHeight });
  useEffect(() => {
    const on = () => setSize({ w: innerWidth, h: innerHeight });
    addEventListener('resize', on);
    return () => removeEventListener('resize', on);
  }, []);
  return (
    <PromptSurface
      prompts={PROMPTS}
      expanded={expanded}
      placement={place(null, null, size.w, size.h)}
      announcement={`${countLabel(PROMPTS.length)} available`}
      focusRegion={false}
      libraryHref={libraryUrl}
      onToggle={() => setExpanded((x) => !x)}
      onEscape={() => setExpanded(false)}
      onOpen={() => {}}
      onDismiss={() => {}}
      onSnooze={() => {}}
      onNotRelevant={() => {}}
    />
  );
}

const root = document.getElementById('surface-host')!.attachShadow({ mode: 'open' });
const style = document.createElement('style');
style.textContent = SURFACE_CSS; // our own stylesheet, in our own test page's shadow root (never a page field)
root.append(style);
const mount = document.createElement('div');
root.append(mount);
render(<Surface />, mount);
