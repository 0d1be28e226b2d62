// @vitest-environment happy-dom
/** Local prompt sets from a newer version: listed as kept unchanged on the options page, their ids not reusable. */
import { describe, it, expect, afterEach } from 'vitest';
import { render, screen, cleanup, within } from '@testing-library/preact';
import { OptionsApp } from '../../../components/options/OptionsApp.tsx';
import { fakePlatform } from './fake-platform.ts';

afterEach(cleanup);

describe('OptionsApp: prompt sets from a newer version', () => {
  it('lists them as from a newer version, kept unchanged', async () => {
    const p = fakePlatform();
    p.readKept = async () => ({ newerVersion: null, unreadKeys: [], newerSets: [{ id: 'future-set', name: 'Escalation (new language)', version: 3 }] });
    render(<OptionsApp platform={p} download={() => {}} />);
    const list = await screen.findByRole('list', { name: 'Prompt sets from a newer version' });
    const item = within(list).getByText('Escalation (new language)').closest('li')!;
    expect(item.textContent).toContain('from a newer version of Practice Prompts, kept unchanged');
    expect(item.textContent).toContain('prompt set format version 3');
    expect(screen.queryByText('You have no prompt sets of your own yet.')).toBeNull();
  });

  it('shows nothing of the kind when nothing is kept', async () => {
    const p = fakePlatform();
    p.readKept = async () => null;
    render(<OptionsApp platform={p} download={() => {}} />);
    await screen.findByText('You have no prompt sets of your own yet.');
    expect(screen.queryByRole('list', { name: 'Prompt sets from a newer version' })).toBeNull();
  });
});
