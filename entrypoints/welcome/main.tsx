/**
 * The first-run welcome page (opened once on a user's own install: platform/welcome.ts). Its try-it box
 * matches with the sets the background gives the content script (`cs:hello`): the built-in set, the
 * organisation's and the user's own, with the switched-off prompts and the most shown at once.
 */
import { render } from 'preact';
import { browser } from 'wxt/browser';
import cards from 'virtual:prompt-cards';
import { WelcomePage, type TryItConfig } from '../../components/WelcomePage.tsx';
import { readEffective } from '../../platform/settings-store.ts';
import type { PromptSet } from '../../core/schema/prompt-set.ts';
import defaultSet from '../../content/prompt-sets/default.json';

async function load(): Promise<TryItConfig> {
  const eff = await readEffective();
  return {
    sets: [defaultSet as PromptSet, ...eff.managedSets, ...eff.settings.localSets],
    disabledPrompts: eff.settings.disabledPrompts,
    maxPrompts: eff.settings.maxPrompts,
  };
}

render(
  <WelcomePage cards={cards} load={load} libraryHref={browser.runtime.getURL('/library.html')} optionsHref={browser.runtime.getURL('/options.html')} />,
  document.getElementById('app')!,
);
