import { render } from 'preact';
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
  />,
  document.getElementById('app')!,
);
