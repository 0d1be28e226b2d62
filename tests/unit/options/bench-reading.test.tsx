// @vitest-environment happy-dom
/**
 * The test bench says what the second reading held back: a manager trying a phrase sees that it was
 * raised, and why it would not show, instead of a silent "no prompts".
 */
import { describe, it, expect, afterEach } from 'vitest';
import { render, screen, fireEvent, cleanup, within } from '@testing-library/preact';
import { OptionsApp } from '../../../components/options/OptionsApp.tsx';
import { fakePlatform } from './fake-platform.ts';

afterEach(cleanup);
const typeIn = (el: HTMLElement, value: string) => fireEvent.input(el, { target: { value } });

describe('options: the test bench and the second reading', () => {
  it('lists a prompt the phrases raised and the reading held back, with the words', async () => {
    render(<OptionsApp platform={fakePlatform()} />);
    await screen.findByRole('heading', { name: 'Test bench' });
    const everyday =
      "YP said he felt totally neglected by his mates cos they all went to the match without him - laughed it off, says he's getting them back at 5-a-side on Sunday and his mum is taking them all for pizza after. Nothing else to note from the visit today.";
    typeIn(screen.getByLabelText('Sample text'), everyday);
    const held = await screen.findByRole('list', { name: 'Prompts held back by the second reading' });
    expect(within(held).getAllByRole('listitem').length).toBeGreaterThan(0);
    expect(held.textContent).toContain('neglected');
    expect(screen.getByText('No prompts would appear for this text.')).toBeTruthy();
  });

  it('lists nothing held back when the note reads like the prompt it shows', async () => {
    render(<OptionsApp platform={fakePlatform()} />);
    await screen.findByRole('heading', { name: 'Test bench' });
    typeIn(
      screen.getByLabelText('Sample text'),
      'Unannounced visit. The home was cold and dirty again, there was no food in the cupboards and the baby was in a soiled nappy. The children were hungry and unwashed, and mum said the electric had run out on Friday.',
    );
    const shown = await screen.findByRole('list', { name: 'Prompts that would appear' });
    expect(within(shown).getAllByRole('listitem').length).toBeGreaterThan(0);
    expect(screen.queryByRole('list', { name: 'Prompts held back by the second reading' })).toBeNull();
  });
});
