// @vitest-environment happy-dom
import { describe, it, expect, afterEach } from 'vitest';
import { render, screen, fireEvent, cleanup } from '@testing-library/preact';
import axe from 'axe-core';
import { OptionsApp } from '../../../components/options/OptionsApp.tsx';
import { exportSet } from '../../../core/prompt-sets/io.ts';
import type { PromptSet } from '../../../core/schema/prompt-set.ts';
import { fakePlatform } from './fake-platform.ts';

afterEach(cleanup);

const set = (id: string): PromptSet => ({
  format: 'practice-prompts/prompt-set',
  version: 1,
  id,
  name: `Set ${id}`,
  prompts: [{ id: `${id}-p`, title: 'Local', text: 'Text', links: [{ title: 'L', url: 'https://x.example' }] }],
  triggers: [{ id: 't', leadsTo: ['neglect-rarely-alone', `${id}-p`], any: ['neglect'], all: [['school']], window: { words: 5 } }],
});

async function violations(): Promise<string[]> {
  const r = await axe.run(document.body, {
    // layout-dependent rules cannot be judged without a real renderer
    rules: { 'color-contrast': { enabled: false }, region: { enabled: false } },
  });
  return r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

describe('options page accessibility (axe-core)', () => {
  it('has no axe violations with the editor, an import preview and managed values showing', async () => {
    const p = fakePlatform({
      settings: { localSets: [set('mine')] },
      policy: { maxPrompts: 2, promptSets: [JSON.stringify(set('org'))] },
      notice: { at: 0, error: 'stored settings are not an object', value: 1 },
    });
    render(<OptionsApp platform={p} download={() => undefined} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Edit Set mine' }));
    fireEvent.input(screen.getByLabelText('Name'), { target: { value: '' } }); // show problems too
    fireEvent.input(screen.getByLabelText('Or paste JSON'), { target: { value: exportSet(set('new')) } });
    fireEvent.click(screen.getByRole('button', { name: 'Check pasted JSON' }));
    await screen.findByRole('button', { name: 'Apply import' });
    expect(await violations()).toEqual([]);
  });

  it('axe really checks in this environment (an unlabelled input is caught)', async () => {
    const input = document.createElement('input');
    document.body.append(input);
    try {
      expect((await violations()).some((v) => v.startsWith('label:'))).toBe(true);
    } finally {
      input.remove();
    }
  });
});
