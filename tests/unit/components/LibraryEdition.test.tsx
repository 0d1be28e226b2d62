// @vitest-environment happy-dom
/**
 * The library page says which edition it is (version and content date), and printed pages say when they
 * were printed and from which version, so staff can tell a stale printed copy.
 */
import { describe, it, expect, afterEach, vi } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { render, cleanup, waitFor } from '@testing-library/preact';
import { LibraryView, longDate, printStamp, type LibraryData } from '../../../components/LibraryView.tsx';
import * as lib from '../../../content/library/index.ts';

afterEach(cleanup);

const data: LibraryData = {
  sections: lib.sections,
  learningPoints: lib.learningPoints,
  widerMessages: lib.widerMessages,
  themes: lib.enduringThemes,
  contextPages: lib.contextPages,
  keyData: lib.keyData,
  references: lib.references,
  attribution: lib.attribution,
};
const edition = { version: '0.2.0', date: '2026-12-07' };
const now = new Date(2027, 0, 15, 9, 30);

describe('library edition and print stamp', () => {
  it('the content date is a real YYYY-MM-DD date, not in the future of the build', () => {
    expect(lib.libraryMeta.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(longDate(lib.libraryMeta.date)).toMatch(/^\d{1,2} [A-Z][a-z]+ \d{4}$/);
    expect(new Date(`${lib.libraryMeta.date}T00:00:00Z`).getTime()).toBeLessThanOrEqual(Date.now());
  });

  it('shows the version and the content date on the page', () => {
    const { container } = render(<LibraryView {...data} target={null} edition={edition} now={now} />);
    expect(container.querySelector('#edition')?.textContent).toBe('Practice Prompts version 0.2.0; library content of 7 December 2026.');
  });

  it('printed pages carry "printed on <date>" and the version, at the top and the end, and in every page margin', () => {
    const { container } = render(<LibraryView {...data} target={null} edition={edition} now={now} />);
    const stamps = [...container.querySelectorAll('.print-stamp')].map((e) => e.textContent);
    const want = 'Printed on 15 January 2027 from Practice Prompts version 0.2.0 (library content of 7 December 2026). Printed copies go out of date: check the library for the current version and discard older copies.';
    expect(stamps).toEqual([want, want]);
    expect(printStamp(edition, now)).toBe(want);
    expect(container.querySelector('header .print-stamp')).not.toBeNull();
    expect(container.querySelector('footer .print-stamp')).not.toBeNull();
    const style = container.querySelector('style')?.textContent ?? '';
    expect(style).toContain('@media print');
    expect(style).toContain('@bottom-center');
    expect(style).toContain(`content: "${want}"`);
  });

  it('the stamps are hidden on screen and shown in print (the page stylesheet)', () => {
    const css = readFileSync(join(import.meta.dirname, '../../../entrypoints/library/style.css'), 'utf8');
    const [screen, print] = css.split('@media print');
    expect(screen).toMatch(/\.print-stamp\s*\{\s*display:\s*none/);
    expect(print).toMatch(/\.print-stamp\s*\{\s*display:\s*block/);
  });

  it('without a fixed time, the stamp says today, and is renewed just before printing (a page may stay open for days)', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(new Date(2027, 2, 1, 10));
      const { container } = render(<LibraryView {...data} target={null} edition={edition} />);
      expect(container.querySelector('.print-stamp')?.textContent).toContain('Printed on 1 March 2027');
      vi.setSystemTime(new Date(2027, 2, 4, 10));
      window.dispatchEvent(new Event('beforeprint'));
      await waitFor(() => expect(container.querySelector('.print-stamp')?.textContent).toContain('Printed on 4 March 2027'));
    } finally {
      vi.useRealTimers();
    }
  });

  it('without an edition nothing of the kind is shown', () => {
    const { container } = render(<LibraryView {...data} target={null} />);
    expect(container.querySelector('#edition, .print-stamp, style')).toBeNull();
  });
});
