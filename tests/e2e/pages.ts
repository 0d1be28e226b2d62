/**
 * Every extension page, in every state a person can reach, in ONE list: the accessibility checks
 * (a11y.spec.ts) run on each entry. A page added to the extension joins this list (a11y.spec.ts fails
 * when a built HTML page is missing from it).
 */
import type { Locator, Page } from '@playwright/test';
import { NOISY, countFileText, countStore } from '../fixtures/count-files.ts';

export interface ExtensionPageState {
  /** "page: state", unique. */
  name: string;
  /** The HTML file in the built extension, with any query or hash. */
  path: string;
  /** Before the page loads (init scripts, e.g. a stubbed policy). */
  init?(page: Page): Promise<void>;
  /** What shows once the page has rendered. */
  ready(page: Page): Locator;
  /** Bring the page into this state after it rendered; resolves when the state shows. */
  setup?(page: Page): Promise<void>;
  /**
   * Known exceptions to the 24×24 target size (WCAG 2.5.8 still met through its spacing exception):
   * a pattern matching the target, and why (for the accessibility statement's known exceptions); the spec fails
   * when one no longer applies, so the list cannot go stale.
   */
  smallTargetsAllowed?: { target: RegExp; why: string }[];
}

/** A prompt set that imports cleanly (as in options.spec.ts). */
export const GOOD_SET = {
  format: 'practice-prompts/prompt-set',
  version: 1,
  id: 'local-neglect',
  name: 'Our neglect procedure',
  prompts: [{ id: 'local-neglect-tool', title: 'Use the local neglect tool', text: 'Our partnership uses the Graded Care Profile.', links: [{ title: 'Neglect strategy', url: 'https://procedures.example.gov.uk/neglect' }] }],
  triggers: [{ id: 'zebra', leadsTo: ['local-neglect-tool', 'neglect-assessment-tools'], any: ['zebra crossing'] }],
};

/**
 * A local set whose second reading raises its prompt: "grubby" and "grubby kitchen" read as its
 * section and are no phrase of any trigger (its one trigger looks for "zebra crossing").
 */
export const RAISING_SET = {
  format: 'practice-prompts/prompt-set',
  version: 2,
  id: 'local-home',
  name: 'Our home conditions guide',
  prompts: [{ id: 'local-home-talk', title: 'Talk through home conditions', text: 'Our guide to talking with families about the state of the home.' }],
  triggers: [{ id: 'zebra', leadsTo: ['local-home-talk'], any: ['zebra crossing'] }],
  reading: {
    sections: ['home', 'other'],
    prompts: { 'local-home-talk': 'home' },
    hold: 0,
    holdCorroborated: 0,
    raise: { at: 0.9, prompts: { home: 'local-home-talk' } },
    minWords: 4,
    maxChars: 10000,
    scale: 1000,
    bias: [-1000, -1000],
    skip: [],
    features: { grubby: '6000 -3000', 'grubby kitchen': '8000 -3000' },
  },
};
/** A note that set's reading raises its prompt on (and nothing else in the note is about home conditions). */
export const RAISING_NOTE = 'Called in after school. The flat was grubby, the grubby kitchen again, and we sat in the front room.';

/** An organisation's policy, through a stubbed managed storage area (the options page shows it locked). */
const POLICY = { maxPrompts: 2, surface: 'panel', cooldownMinutes: 30, sites: ['https://lcs.example.gov.uk'], disabledPrompts: ['neglect-rarely-alone'], locked: ['surface', 'localSets'] };

/** A sample note that brings up prompts (checked in welcome.spec.ts). */
export const SAMPLE_NOTE = 'Home visit. Mum said there is no food in the house and the children were not seen alone.';

const optionsReady = (page: Page) => page.getByRole('heading', { level: 1, name: /settings and prompt sets/i });

/** Workers' count files for the team report (tests/fixtures/count-files.ts), as file-input payloads. */
const countFiles = (n: number) =>
  Array.from({ length: n }, (_, i) => ({ name: `worker-${i + 1}.json`, mimeType: 'application/json', buffer: Buffer.from(countFileText(i)) }));

export const PAGES: ExtensionPageState[] = [
  { name: 'popup: empty', path: 'popup.html', ready: (p) => p.locator('input#q') },
  {
    name: 'popup: results',
    path: 'popup.html',
    ready: (p) => p.locator('input#q'),
    setup: async (p) => {
      await p.locator('input#q').fill('neglect');
      await p.getByRole('listbox', { name: 'Learning points' }).getByRole('option').first().waitFor();
    },
  },
  { name: 'side panel', path: 'sidepanel.html', ready: (p) => p.getByRole('heading', { name: 'Prompts for this page' }) },
  { name: 'options: default', path: 'options.html', ready: optionsReady },
  {
    name: 'options: editor open',
    path: 'options.html',
    ready: optionsReady,
    setup: async (p) => {
      await p.getByRole('button', { name: 'New prompt set' }).click();
      await p.getByRole('button', { name: 'Save prompt set' }).waitFor();
    },
  },
  {
    name: 'options: import preview',
    path: 'options.html',
    ready: optionsReady,
    setup: async (p) => {
      await p.getByLabel('Or paste JSON').fill(JSON.stringify(GOOD_SET));
      await p.getByRole('button', { name: 'Check pasted JSON' }).click();
      await p.getByRole('button', { name: 'Apply import' }).waitFor();
    },
  },
  {
    name: 'options: managed values shown',
    path: 'options.html',
    init: async (p) => {
      await p.addInitScript((policy) => {
        const managed = (globalThis as unknown as { chrome: { storage: { managed: { get: unknown } } } }).chrome?.storage?.managed;
        if (managed) managed.get = () => Promise.resolve(policy);
      }, POLICY);
    },
    ready: optionsReady,
    setup: async (p) => {
      await p.getByText(/set by your organisation/).first().waitFor();
    },
  },
  {
    name: 'options: your counts and export preview',
    path: 'options.html',
    ready: optionsReady,
    setup: async (p) => {
      await p.evaluate(async (usageCounts) => {
        await (globalThis as unknown as { chrome: { storage: { local: { set(v: object): Promise<void> } } } }).chrome.storage.local.set({ usageCounts });
      }, countStore(0));
      await p.getByRole('table', { name: 'Your counts per trigger and learning point' }).waitFor();
      await p.getByRole('button', { name: 'Preview my count file' }).click();
      await p.getByRole('region', { name: 'The exact text of the file' }).waitFor();
    },
  },
  {
    name: 'options: team report',
    path: 'options.html',
    ready: optionsReady,
    setup: async (p) => {
      await p.getByLabel('Count files', { exact: true }).setInputFiles([...countFiles(10), { name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('not a count file') }]);
      await p.getByRole('table', { name: 'Noisiest triggers, noisiest first' }).waitFor();
    },
  },
  {
    name: 'options: team report, too few workers',
    path: 'options.html',
    ready: optionsReady,
    setup: async (p) => {
      await p.getByLabel('Count files', { exact: true }).setInputFiles(countFiles(4));
      await p.getByText(/Nothing is shown yet/).waitFor();
    },
  },
  {
    name: 'options: tuning a built-in trigger',
    path: `options.html#edit/briefing/${NOISY.trigger}`,
    ready: optionsReady,
    setup: async (p) => {
      await p.getByRole('heading', { name: `Tuning trigger ${NOISY.trigger}` }).waitFor();
    },
  },
  {
    name: 'options: test bench with a record address',
    path: 'options.html',
    ready: optionsReady,
    setup: async (p) => {
      await p.getByLabel('Sample text').fill(SAMPLE_NOTE);
      await p.getByLabel(/Page address/).fill('https://lcs.example.gov.uk/person/12345');
      await p.getByText('None of the prompts above is quiet on this record now.').waitFor();
    },
  },
  { name: 'library', path: 'library.html', ready: (p) => p.getByRole('heading', { level: 1 }) },
  { name: 'library: deep link', path: 'library.html#lp/abe-trained-workforce', ready: (p) => p.getByRole('heading', { level: 1 }) },
  { name: 'welcome', path: 'welcome.html', ready: (p) => p.getByRole('heading', { level: 1, name: 'Welcome to Practice Prompts' }) },
  {
    name: 'welcome: try-it results',
    path: 'welcome.html',
    ready: (p) => p.getByRole('heading', { level: 1, name: 'Welcome to Practice Prompts' }),
    setup: async (p) => {
      await p.getByLabel('Sample note').fill(SAMPLE_NOTE);
      await p.getByRole('list', { name: 'Prompts for this note' }).getByRole('listitem').first().waitFor();
    },
  },
  { name: 'reflect', path: 'reflect.html#lp/abe-trained-workforce', ready: (p) => p.getByRole('heading', { level: 1, name: 'Reflect on a learning point' }) },
  { name: 'reflections log', path: 'reflections.html', ready: (p) => p.getByRole('heading', { level: 1, name: 'Your reflections' }) },
  // the in-page prompt surface, in an open shadow root (its real root is closed): surface-test.html
  { name: 'prompt surface: collapsed', path: 'surface-test.html', ready: (p) => p.getByRole('button', { name: /^Practice prompts: \d+ prompts?$/ }) },
  {
    name: 'prompt surface: expanded',
    path: 'surface-test.html?expanded=1',
    ready: (p) => p.getByRole('region', { name: 'Practice prompts' }),
    smallTargetsAllowed: [
      {
        target: /^<a> "(Open learning point|Escalation policy)/,
        why: 'the surface’s text links (SURFACE_CSS in components/PromptSurface.tsx) are one line of 12–14 px text, 16–20 px high; they are spaced so WCAG 2.5.8’s spacing exception holds. Fix: display:inline-block; min-height:24px on .pp-actions a, .pp-link a',
      },
    ],
  },
];

/** HTML files of the built extension that are not pages a person sees (never in the store archives: wxt.config.ts). */
export const NOT_PAGES: readonly string[] = [
  // the benchmark's empty page (public/bench-floor.html): renders nothing, the floor under the popup's figure
  'bench-floor.html',
];
