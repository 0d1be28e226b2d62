import { render } from 'preact';
import { browser } from 'wxt/browser';
import { LibraryPage } from '../../components/LibraryView.tsx';
import * as lib from '../../content/library/index.ts';

// LibraryPage follows location.hash itself: `#lp/<id>` is scrolled to and focused on load and on every
// later hashchange.
render(
  <LibraryPage
    sections={lib.sections}
    learningPoints={lib.learningPoints}
    widerMessages={lib.widerMessages}
    themes={lib.enduringThemes}
    contextPages={lib.contextPages}
    keyData={lib.keyData}
    references={lib.references}
    attribution={lib.attribution}
    edition={{ version: extensionVersion(), date: lib.libraryMeta.date }}
  />,
  document.getElementById('app')!,
);

/** The installed version (WXT takes it from package.json). */
function extensionVersion(): string {
  try {
    return browser.runtime.getManifest().version;
  } catch {
    return 'unknown';
  }
}
