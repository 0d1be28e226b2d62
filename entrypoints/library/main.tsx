import { render } from 'preact';
import { LibraryView } from '../../components/LibraryView.tsx';
import * as lib from '../../content/library/index.ts';

const app = document.getElementById('app')!;
const targetFromHash = () => {
  const h = decodeURIComponent(location.hash.slice(1));
  return h ? h : null;
};
const paint = () =>
  render(
    <LibraryView
      sections={lib.sections}
      learningPoints={lib.learningPoints}
      widerMessages={lib.widerMessages}
      themes={lib.enduringThemes}
      contextPages={lib.contextPages}
      keyData={lib.keyData}
      references={lib.references}
      attribution={lib.attribution}
      target={targetFromHash()}
    />,
    app,
  );
paint();
window.addEventListener('hashchange', paint);
