// @vitest-environment happy-dom
import { describe, it, expect, afterEach } from 'vitest';
import { render, screen, fireEvent, waitFor, cleanup, within } from '@testing-library/preact';
import { OptionsApp } from '../../../components/options/OptionsApp.tsx';
import { exportSet, exportAll, parseImport } from '../../../core/prompt-sets/io.ts';
import type { PromptSet } from '../../../core/schema/prompt-set.ts';
import { DEFAULT_SETTINGS } from '../../../core/settings/settings.ts';
import { knownPromptIds } from '../../../components/options/catalogue.ts';
import { fakePlatform, type FakePlatform } from './fake-platform.ts';

afterEach(cleanup);

const set = (id: string, over: Partial<PromptSet> = {}): PromptSet => ({
  format: 'practice-prompts/prompt-set',
  version: 2,
  id,
  name: `Set ${id}`,
  triggers: [{ id: 'neglect', leadsTo: ['neglect-rarely-alone'], any: ['neglect'] }],
  ...over,
});

function setup(p: FakePlatform) {
  const downloads: { name: string; text: string }[] = [];
  render(<OptionsApp platform={p} download={(name, text) => downloads.push({ name, text })} />);
  return { downloads };
}

async function chooseFile(text: string, name = 'import.json') {
  const input = (await screen.findByLabelText('Import from a file')) as HTMLInputElement;
  const file = new File([text], name, { type: 'application/json' });
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  fireEvent.change(input);
}

describe('OptionsApp: import', () => {
  it('a bad file shows every problem with its path, and nothing is written', async () => {
    const p = fakePlatform({ settings: { localSets: [set('mine')] } });
    setup(p);
    const bad = { ...set('bad'), name: '', triggers: [{ id: 't', leadsTo: ['no-such-point'], any: [''] }] };
    await chooseFile(JSON.stringify(bad), 'bad.json');
    const alert = await screen.findByText(/The import from bad\.json was not applied/);
    const box = alert.closest('[role=alert]') as HTMLElement;
    expect(within(box).getByText('name: must not be empty')).toBeTruthy();
    expect(within(box).getByText('triggers[0].any[0]: must not be empty')).toBeTruthy();
    expect(within(box).getByText('triggers[0].leadsTo[0]: "no-such-point" is not a learning point or a prompt in this set')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Apply import' })).toBeNull();
    expect(p.calls.writeSettings).toHaveLength(0);
    expect(p.calls.saveLastImport).toHaveLength(0);
  });

  it('a file that is not JSON is explained in plain words', async () => {
    const p = fakePlatform();
    setup(p);
    await chooseFile('{"format": "practice-prompts/prompt-set",}');
    expect(await screen.findByText('the file is not valid JSON: line 1, column 42: a comma before "}" is not allowed (remove the last comma)')).toBeTruthy();
    expect(p.calls.writeSettings).toHaveLength(0);
  });

  it('a file over the size limit (2 MB) is refused without reading it', async () => {
    const p = fakePlatform();
    setup(p);
    await chooseFile('x'.repeat(2_000_001), 'huge.json');
    expect(await screen.findByText('file is larger than 2 MB')).toBeTruthy();
    expect(p.calls.writeSettings).toHaveLength(0);
  });

  it('a good file shows a preview; Apply writes once and keeps the old settings for undo; Undo restores them', async () => {
    const before = { ...DEFAULT_SETTINGS, maxPrompts: 4, localSets: [set('keep'), set('old', { name: 'Old version' })] };
    const p = fakePlatform({ settings: before });
    setup(p);
    const text = exportAll({ ...DEFAULT_SETTINGS, localSets: [set('old', { name: 'New version' }), set('fresh')], maxPrompts: 2 }, { replace: false });
    fireEvent.input(await screen.findByLabelText('Or paste JSON'), { target: { value: text } });
    fireEvent.click(screen.getByRole('button', { name: 'Check pasted JSON' }));
    const added = await screen.findByRole('list', { name: 'Prompt sets added' });
    expect(within(added).getByText('Set fresh (fresh)')).toBeTruthy();
    expect(within(screen.getByRole('list', { name: 'Prompt sets replaced' })).getByText('New version (old)')).toBeTruthy();
    expect(screen.getByText(/Settings changed: .*maxPrompts/)).toBeTruthy();
    expect(p.calls.writeSettings).toHaveLength(0); // nothing yet

    fireEvent.click(screen.getByRole('button', { name: 'Apply import' }));
    await waitFor(() => expect(p.calls.writeSettings).toHaveLength(1));
    expect(p.calls.saveLastImport).toEqual([before]);
    expect(p.stored.localSets.map((s) => [s.id, s.name])).toEqual([
      ['keep', 'Set keep'],
      ['old', 'New version'],
      ['fresh', 'Set fresh'],
    ]);
    expect(p.stored.maxPrompts).toBe(2);

    const undo = (await screen.findByRole('button', { name: 'Undo last import' })) as HTMLButtonElement;
    await waitFor(() => expect(undo.disabled).toBe(false));
    expect(screen.getByText(/Imported: 1 added, 1 replaced, 0 removed/)).toBeTruthy();
    fireEvent.click(undo);
    await waitFor(() => expect(p.calls.writeSettings).toHaveLength(2));
    expect(p.stored).toEqual(before);
    expect(p.last).toBeNull();
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Undo last import' })).toBeNull());
  });

  it('Cancel leaves everything as it was', async () => {
    const p = fakePlatform();
    setup(p);
    fireEvent.input(await screen.findByLabelText('Or paste JSON'), { target: { value: exportSet(set('x')) } });
    fireEvent.click(screen.getByRole('button', { name: 'Check pasted JSON' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Cancel import' }));
    expect(await screen.findByText('Import cancelled. Nothing was changed.')).toBeTruthy();
    expect(p.calls.writeSettings).toHaveLength(0);
    expect(p.calls.saveLastImport).toHaveLength(0);
  });

  it('when storage refuses the write, nothing changes and the undo copy is put back', async () => {
    const earlier = { ...DEFAULT_SETTINGS, maxPrompts: 1 };
    const p = fakePlatform({ last: earlier });
    p.writeSettings = async (s) => {
      p.calls.writeSettings.push(s);
      return ['storage is full'];
    };
    setup(p);
    fireEvent.input(await screen.findByLabelText('Or paste JSON'), { target: { value: exportSet(set('x')) } });
    fireEvent.click(screen.getByRole('button', { name: 'Check pasted JSON' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Apply import' }));
    expect(await screen.findByText('storage is full')).toBeTruthy();
    expect(p.stored).toEqual(DEFAULT_SETTINGS);
    expect(p.last).toEqual(earlier);
  });
});

describe('OptionsApp: managed values', () => {
  it('locked keys render disabled with "set by your organisation"', async () => {
    const p = fakePlatform({
      policy: { maxPrompts: 2, surface: 'panel', sites: ['https://org.example'], promptSets: [JSON.stringify(set('org', { name: 'Organisation set' }))] },
    });
    setup(p);
    const max = (await screen.findByLabelText(/Most prompts shown at once/)) as HTMLSelectElement;
    expect(max.disabled).toBe(true);
    expect(max.value).toBe('2');
    expect(max.closest('label')!.textContent).toContain('set by your organisation');
    const surface = screen.getByLabelText(/Where prompts appear/) as HTMLSelectElement;
    expect(surface.disabled).toBe(true);
    expect((screen.getByLabelText(/A dismissed prompt stays quiet/) as HTMLInputElement).disabled).toBe(false);
    expect(screen.getByText('https://org.example').textContent).toContain('set by your organisation');
    const org = screen.getByText('Organisation set').closest('li')!;
    expect(org.textContent).toContain('set by your organisation');
    expect(within(org).queryByRole('button')).toBeNull(); // read-only
  });

  it('when local sets are locked, they cannot be added or edited', async () => {
    const p = fakePlatform({ settings: { localSets: [set('mine')] }, policy: { locked: ['localSets'] } });
    setup(p);
    expect(await screen.findByText(/Local prompt sets are set by your organisation/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'New prompt set' })).toBeNull();
    expect(screen.queryByText('Set mine')).toBeNull();
  });

  it('shows problems in the policy', async () => {
    const p = fakePlatform({ policy: { promptSets: ['{oops'] } });
    setup(p);
    expect(await screen.findByText('policy promptSets[0]: is not valid JSON')).toBeTruthy();
  });
});

describe('OptionsApp: corrupt settings notice', () => {
  it('offers the old settings for download, and can be dismissed', async () => {
    const p = fakePlatform({ notice: { at: Date.UTC(2025, 0, 2), error: 'stored settings are not an object', value: 'garbage' } });
    const { downloads } = setup(p);
    expect(await screen.findByText('Your saved settings could not be read')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Download the old settings' }));
    expect(downloads).toEqual([{ name: 'practice-prompts-old-settings.json', text: '"garbage"\n' }]);
    fireEvent.click(screen.getByRole('button', { name: 'Dismiss' }));
    await waitFor(() => expect(screen.queryByText('Your saved settings could not be read')).toBeNull());
    expect(p.calls.clearNotice).toBe(1);
  });
});

describe('OptionsApp: local prompt sets', () => {
  it('the editor validates as you type, Save is disabled while invalid, and saving writes the whole set once', async () => {
    const p = fakePlatform();
    setup(p);
    fireEvent.click(await screen.findByRole('button', { name: 'New prompt set' }));
    const save = screen.getByRole('button', { name: 'Save prompt set' }) as HTMLButtonElement;
    expect(save.disabled).toBe(true);
    expect(screen.getByText('name: must not be empty')).toBeTruthy();

    fireEvent.input(screen.getByLabelText('Name'), { target: { value: 'Our escalation' } });
    fireEvent.input(screen.getByLabelText('Phrases that fire this trigger (one per line)'), { target: { value: 'disagree\none two three four five six seven eight nine' } });
    const phraseProblem = await screen.findByText('phrase 2: must have at most 8 words');
    expect(screen.getByLabelText('Phrases that fire this trigger (one per line)').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByLabelText('Phrases that fire this trigger (one per line)').getAttribute('aria-describedby')).toContain(phraseProblem.closest('ul')!.id);
    fireEvent.change(screen.getByLabelText('Prompt 1'), { target: { value: 'neglect-rarely-alone' } });
    expect(save.disabled).toBe(true);
    expect(p.calls.writeSettings).toHaveLength(0); // nothing saved half-way

    fireEvent.input(screen.getByLabelText('Phrases that fire this trigger (one per line)'), { target: { value: 'disagree\nescalate' } });
    await waitFor(() => expect(save.disabled).toBe(false));
    expect(screen.getByText('This set is ready to save.')).toBeTruthy();
    fireEvent.click(save);
    await waitFor(() => expect(p.calls.writeSettings).toHaveLength(1));
    expect(p.stored.localSets).toEqual([
      {
        format: 'practice-prompts/prompt-set',
        version: 2,
        id: 'local-set-1',
        name: 'Our escalation',
        triggers: [{ id: 'trigger-1', leadsTo: ['neglect-rarely-alone'], any: ['disagree', 'escalate'] }],
      },
    ]);
    expect(await screen.findByText('Saved “Our escalation”.')).toBeTruthy();
  });

  it('local prompts can be added and chosen as a trigger target; https links only', async () => {
    const p = fakePlatform({ settings: { localSets: [set('mine')] } });
    setup(p);
    fireEvent.click(await screen.findByRole('button', { name: 'Edit Set mine' }));
    fireEvent.click(screen.getByRole('button', { name: 'Add a local prompt' }));
    fireEvent.input(screen.getByLabelText('Title'), { target: { value: 'Our policy' } });
    fireEvent.input(screen.getByLabelText('Text'), { target: { value: 'Talk to your manager.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add a link to local prompt 1' }));
    fireEvent.input(screen.getByLabelText('Link 1 title'), { target: { value: 'Policy' } });
    fireEvent.input(screen.getByLabelText('Link 1 address'), { target: { value: 'http://intranet.example' } });
    expect(await screen.findByText('must be an https:// address')).toBeTruthy();
    fireEvent.input(screen.getByLabelText('Link 1 address'), { target: { value: 'https://intranet.example/policy' } });
    fireEvent.change(screen.getByLabelText('Prompt 1'), { target: { value: 'local-prompt-1' } });
    const save = screen.getByRole('button', { name: 'Save prompt set' }) as HTMLButtonElement;
    await waitFor(() => expect(save.disabled).toBe(false));
    fireEvent.click(save);
    await waitFor(() => expect(p.calls.writeSettings).toHaveLength(1));
    expect(p.stored.localSets[0]).toEqual({
      ...set('mine'),
      prompts: [{ id: 'local-prompt-1', title: 'Our policy', text: 'Talk to your manager.', links: [{ title: 'Policy', url: 'https://intranet.example/policy' }] }],
      triggers: [{ id: 'neglect', leadsTo: ['local-prompt-1'], any: ['neglect'] }],
    });
  });

  it('export a set and export everything produce files that import back', async () => {
    const mine = set('mine', { description: 'Ours' });
    const p = fakePlatform({ settings: { localSets: [mine], maxPrompts: 2 } });
    const { downloads } = setup(p);
    fireEvent.click(await screen.findByRole('button', { name: 'Export Set mine' }));
    fireEvent.click(screen.getByRole('button', { name: 'Export everything' }));
    expect(downloads.map((d) => d.name)).toEqual(['mine.prompt-set.json', 'practice-prompts-export.json']);
    expect(downloads[0]!.text).toBe(exportSet(mine));
    expect(parseImport(downloads[0]!.text, knownPromptIds)).toEqual({ ok: true, file: mine });
    expect(downloads[1]!.text).toBe(exportAll(p.stored));
    expect(parseImport(downloads[1]!.text, knownPromptIds).ok).toBe(true);
  });

  it('delete asks first, then removes the set in one write', async () => {
    const p = fakePlatform({ settings: { localSets: [set('a'), set('b')] } });
    setup(p);
    fireEvent.click(await screen.findByRole('button', { name: 'Delete Set a' }));
    expect(p.calls.writeSettings).toHaveLength(0);
    fireEvent.click(screen.getByRole('button', { name: 'Yes, delete Set a' }));
    await waitFor(() => expect(p.calls.writeSettings).toHaveLength(1));
    expect(p.stored.localSets.map((s) => s.id)).toEqual(['b']);
  });
});
