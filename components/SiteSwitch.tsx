/** "On for this site" / "Pause": asks the browser for access to this site only, with its own prompt. */
import { useState } from 'preact/hooks';
import type { SiteAction } from '../platform/sites.ts';

export interface SiteSwitchProps {
  origin: string;
  state: 'demo' | 'on' | 'paused' | 'off';
  locked: boolean;
  /** Carries the action out; resolves to an error in plain words, or null. */
  onAction(action: SiteAction): Promise<string | null>;
  onChanged(): void;
}

export function SiteSwitch(p: SiteSwitchProps) {
  const [error, setError] = useState('');
  const host = p.origin.replace(/^https?:\/\//, '');
  const act = async (action: SiteAction) => {
    setError('');
    const err = await p.onAction(action);
    if (err) setError(err);
    p.onChanged();
  };
  return (
    <section class="site" aria-label="This site">
      <p>
        <strong>{host}</strong>:{' '}
        {p.state === 'demo' ? 'on (local test page)' : p.state === 'on' ? 'on' : p.state === 'paused' ? 'paused' : 'off'}
        {p.locked && <span class="locked"> · set by your organisation</span>}
      </p>
      <div class="row">
        {p.state === 'off' && (
          <button type="button" onClick={() => act('on')}>
            On for this site
          </button>
        )}
        {p.state === 'on' && (
          <button type="button" onClick={() => act('pause')}>
            Pause on this site
          </button>
        )}
        {p.state === 'paused' && (
          <button type="button" onClick={() => act('resume')}>
            Resume on this site
          </button>
        )}
        {p.state === 'on' && !p.locked && (
          <button type="button" onClick={() => act('off')}>
            Turn off for this site
          </button>
        )}
      </div>
      {error && <p role="alert">{error}</p>}
    </section>
  );
}
