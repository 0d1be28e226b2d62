/**
 * Export counts: nothing is made until the worker asks; then the exact text that would be saved is
 * shown, with its format and version and what it does and does not hold, and only "Save" writes it.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { COUNT_FILE_FORMAT, COUNT_FILE_VERSION, type CountFile } from '../../../core/usage/counts.ts';
import type { Download } from '../download.ts';

/** The exact text a count file is saved as. */
export const countFileText = (f: CountFile): string => `${JSON.stringify(f, null, 2)}\n`;
export const countFileName = (now: number): string => `practice-prompts-counts-${new Date(now).toISOString().slice(0, 10)}.json`;

export interface CountFilePreviewProps {
  makeFile(): Promise<CountFile>;
  download: Download;
  now?: () => number;
}

export function CountFilePreview({ makeFile, download, now = Date.now }: CountFilePreviewProps) {
  const [preview, setPreview] = useState<{ name: string; text: string; months: number; rows: number } | null>(null);
  const [status, setStatus] = useState('');
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (preview) heading.current?.focus();
  }, [preview]);

  const prepare = async () => {
    try {
      const file = await makeFile();
      const months = Object.keys(file.months).length;
      const rows = Object.values(file.months).reduce((n, r) => n + r.length, 0);
      setPreview({ name: countFileName(now()), text: countFileText(file), months, rows });
      setStatus('');
    } catch (e) {
      setStatus(`The count file could not be made: ${e instanceof Error ? e.message : String(e)}`);
    }
  };

  return (
    <div>
      <p class="muted">
        You can give your counts to whoever looks after your prompt sets, so that they can see which prompts are noise for the team. Nothing is
        sent: you save a file and hand it over yourself. You see exactly what the file holds before it is saved.
      </p>
      {!preview ? (
        <button type="button" onClick={() => void prepare()}>
          Preview my count file
        </button>
      ) : (
        <div class="import-preview" role="region" aria-labelledby="h-count-preview">
          <h4 id="h-count-preview" tabIndex={-1} ref={heading}>
            Preview: {preview.name}
          </h4>
          <dl>
            <dt>Format and version</dt>
            <dd>
              {COUNT_FILE_FORMAT}, version {COUNT_FILE_VERSION}
            </dd>
            <dt>What it holds</dt>
            <dd>
              {preview.rows} {preview.rows === 1 ? 'row' : 'rows'} of counts over {preview.months} {preview.months === 1 ? 'month' : 'months'}: prompt-set,
              trigger and learning-point ids with numbers; a random install id (not your name, so that two of your files count once); and when
              it was made.
            </dd>
            <dt>What it does not hold</dt>
            <dd>No text you typed, no page addresses, no record ids, no names, and not the secret behind the record keys.</dd>
          </dl>
          <div class="table-scroll" role="region" aria-label="The exact text of the file" tabIndex={0}>
            <pre class="file-text">{preview.text}</pre>
          </div>
          <button
            type="button"
            onClick={() => {
              download(preview.name, preview.text);
              setPreview(null);
              setStatus(`Saved ${preview.name}.`);
            }}
          >
            Save count file
          </button>
          <button
            type="button"
            onClick={() => {
              setPreview(null);
              setStatus('Nothing was saved.');
            }}
          >
            Cancel
          </button>
        </div>
      )}
      <p role="status">{status}</p>
    </div>
  );
}
