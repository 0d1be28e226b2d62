// @vitest-environment happy-dom
/** The reflection form: pre-filled, warns (never blocks) on identifying details, saves role and date only. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { ReflectPage, type ReflectPageProps } from '../../../components/ReflectPage.tsx';
import type { Reflection } from '../../../core/reflection/record.ts';

afterEach(cleanup);

const props = (over: Partial<ReflectPageProps> = {}): ReflectPageProps => ({
  point: { id: 'lp-a', title: 'Seeing the child alone', section: 'Understanding the child’s daily life', page: 12, questions: ['Who does the child trust?'], href: '/library.html#lp/lp-a' },
  requestedId: 'lp-a',
  today: '2026-03-04',
  knownWords: new Set(['seeing', 'child', 'alone']),
  saved: [],
  countsText: 'counts',
  onSave: vi.fn(async () => {}),
  now: () => 1_772_600_000_000,
  ...over,
});

describe('ReflectPage', () => {
  it('is pre-filled with the learning point, its questions, today and the privacy reminder', () => {
    render(<ReflectPage {...props()} />);
    expect(screen.getByRole('heading', { level: 2, name: 'Seeing the child alone' })).toBeTruthy();
    expect(screen.getByText('Who does the child trust?')).toBeTruthy();
    expect((screen.getByLabelText('Date of the activity') as HTMLInputElement).value).toBe('2026-03-04');
    expect(screen.getByText(/Do not include names or identifying details/)).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByLabelText('What I learned'));
  });

  it('warns politely on identifying details, and still saves', async () => {
    const onSave = vi.fn(async (_r: Reflection) => {});
    render(<ReflectPage {...props({ onSave })} />);
    const live = document.getElementById('identifying-warning')!;
    expect(live.getAttribute('aria-live')).toBe('polite');
    fireEvent.input(screen.getByLabelText('What I learned'), { target: { value: 'Seeing Child Alone matters' } });
    expect(live.textContent).toBe('');
    fireEvent.input(screen.getByLabelText('What I learned'), { target: { value: 'Called 07700 900123 for Jade Okafor' } });
    expect(live.textContent).toContain('a phone number and a person’s full name');
    expect(live.textContent).toContain('What I learned');
    fireEvent.click(screen.getByRole('button', { name: 'Save reflection' }));
    await waitFor(() => expect(onSave).toHaveBeenCalledTimes(1));
    expect(onSave.mock.calls[0]![0].learned).toBe('Called 07700 900123 for Jade Okafor');
  });

  it('does not save an empty reflection; saves a discussion as role and date only; a second save edits the same one', async () => {
    const onSave = vi.fn(async (_r: Reflection) => {});
    render(<ReflectPage {...props({ onSave })} />);
    fireEvent.click(screen.getByRole('button', { name: 'Save reflection' }));
    expect(screen.getByRole('alert').textContent).toContain('Write something');
    expect(onSave).not.toHaveBeenCalled();
    fireEvent.input(screen.getByLabelText('What I will do differently'), { target: { value: 'Plan time alone.' } });
    fireEvent.change(screen.getByLabelText('Discussed with'), { target: { value: 'supervisor' } });
    fireEvent.input(screen.getByLabelText('Date discussed'), { target: { value: '2026-03-10' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save reflection' }));
    await waitFor(() => expect(onSave).toHaveBeenCalledTimes(1));
    const r = onSave.mock.calls[0]![0];
    expect(r).toMatchObject({ learningPointId: 'lp-a', date: '2026-03-04', differently: 'Plan time alone.', discussion: { role: 'supervisor', date: '2026-03-10' } });
    expect(Object.keys(r.discussion!)).toEqual(['role', 'date']);
    await waitFor(() => expect(screen.getByRole('status').textContent).toContain('Saved on this computer only'));
    fireEvent.click(screen.getByRole('button', { name: 'Save reflection' }));
    await waitFor(() => expect(onSave).toHaveBeenCalledTimes(2));
    expect(onSave.mock.calls[1]![0].id).toBe(r.id);
  });

  it('an unknown learning point is said plainly', () => {
    render(<ReflectPage {...props({ point: undefined, requestedId: 'nope' })} />);
    expect(screen.getByRole('alert').textContent).toContain('no learning point “nope”');
  });
});
