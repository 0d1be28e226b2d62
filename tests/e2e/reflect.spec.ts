/**
 * The reflection page in the built extension: `reflect.html#lp/<id>` opens pre-filled with the learning
 * point, a keyboard-only reflection is saved, survives a reload, and lives in storage.local only — no
 * trace of it in storage.sync. The identifying-details warning is announced (politely) and never blocks.
 * axe-core finds no violations. The `requests` fixture fails the test if any request leaves the machine.
 */
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { test, expect, axNodes, waitForAx } from './fixtures.ts';
import { runAxe } from './a11y-checks.ts';

declare const chrome: typeof import('wxt/browser').browser;

const points = JSON.parse(readFileSync(new URL('../../content/library/learning-points/daily-life.json', import.meta.url), 'utf8')) as { id: string; title: string; questions: string[] }[];
const lp = points[0]!;
const other = (JSON.parse(readFileSync(new URL('../../content/library/learning-points/escalation.json', import.meta.url), 'utf8')) as { id: string; title: string }[])[0]!;
const CANARY = 'CANARYREFLECTION';

test('keyboard only: open reflect.html#lp/<id>, write, save, reload; stored locally, never synced', async ({ context, extensionId, sw, requests: _r }) => {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/reflect.html#lp/${lp.id}`);

  // pre-filled: the learning point, its questions, today's date, the privacy reminder
  await expect(page.getByRole('heading', { level: 2, name: lp.title })).toBeVisible();
  for (const q of lp.questions) await expect(page.getByText(q, { exact: true })).toBeVisible();
  const today = await page.evaluate(() => {
    const d = new Date();
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  });
  await expect(page.getByLabel('Date of the activity')).toHaveValue(today);
  await expect(page.getByText('Do not include names or identifying details')).toBeVisible();
  expect(await runAxe(page)).toEqual([]);

  // the page opens ready to write
  const learned = page.getByLabel('What I learned');
  await expect(learned).toBeFocused();
  await page.keyboard.type(`${CANARY} I spoke with Jade Okafor`);
  const warning = page.locator('#identifying-warning');
  await expect(warning).toHaveAttribute('aria-live', 'polite');
  await expect(warning).toContainText('a person’s full name');
  expect(await runAxe(page)).toEqual([]);
  for (let i = 0; i < 'Jade Okafor'.length; i++) await page.keyboard.press('Backspace');
  await page.keyboard.type('the child alone, away from home.');
  await expect(warning).toHaveText('');

  await page.keyboard.press('Tab');
  await expect(page.getByLabel('How it applies to my practice')).toBeFocused();
  await page.keyboard.type('Seeing children alone is part of every visit.');
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('What I will do differently')).toBeFocused();
  await page.keyboard.type('Plan time alone before the visit.');
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Discussed with')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Save reflection' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status')).toContainText('Saved on this computer only');

  await page.reload();
  const saved = page.getByRole('region', { name: 'Your reflections on this learning point' });
  await expect(saved).toContainText(`${CANARY} I spoke with the child alone, away from home.`);
  await expect(saved).toContainText('1 reflection, 0 discussed');

  const local = await sw.evaluate(() => chrome.storage.local.get('reflections'));
  expect(JSON.stringify(local)).toContain(CANARY);
  const sync = await sw.evaluate(() => chrome.storage.sync.get(null));
  expect(JSON.stringify(sync)).not.toContain(CANARY);
  expect(JSON.stringify(sync)).not.toContain(lp.id);
});

test('an unknown learning point says so', async ({ context, extensionId }) => {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/reflect.html#lp/no-such-point`);
  await expect(page.getByRole('alert')).toContainText('The library has no learning point “no-such-point”');
});

test('the log: filter, mark discussed, export CPD text, edit, delete; axe-clean', async ({ context, extensionId, sw, requests: _r }) => {
  const d = new Date();
  const today = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  const base = { activity: 'Met it while recording.', applies: '', differently: '', created: 1, updated: 1 };
  await sw.evaluate(
    (list) => chrome.storage.local.set({ reflections: list }),
    [
      { ...base, id: 'r-test-000001', learningPointId: lp.id, date: today, learned: 'ALPHA learned' },
      { ...base, id: 'r-test-000002', learningPointId: other.id, date: '2020-06-01', learned: 'BETA learned' },
    ],
  );
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/reflections.html`);
  const list = page.getByRole('list', { name: 'Reflections' });
  await expect(list.getByRole('listitem')).toHaveCount(2);
  expect(await runAxe(page)).toEqual([]);

  await page.getByLabel('Section').selectOption('escalation');
  await expect(list.getByRole('listitem')).toHaveCount(1);
  await expect(list).toContainText('BETA learned');
  await page.getByLabel('Section').selectOption('');
  await page.getByLabel('From').fill('2021-01-01');
  await expect(list.getByRole('listitem')).toHaveCount(1);
  await expect(list).toContainText('ALPHA learned');
  await page.getByLabel('From').fill('');
  await page.getByLabel('Search').fill('beta');
  await expect(list.getByRole('listitem')).toHaveCount(1);
  await page.getByLabel('Search').fill('');
  await expect(list.getByRole('listitem')).toHaveCount(2);

  const alpha = list.getByRole('listitem').filter({ hasText: 'ALPHA learned' });
  await alpha.getByLabel('With').selectOption('peer');
  await alpha.getByLabel('On').fill('2026-03-10');
  await alpha.getByRole('button', { name: 'Mark discussed' }).click();
  await expect(alpha).toContainText('With a social work peer, on 10 March 2026');
  await expect(page.locator('.counts')).toContainText('1 reflection, 1 discussed');

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'CPD text (one entry per piece)' }).click()]);
  const { readFile } = await import('node:fs/promises');
  const cpd = await readFile((await download.path())!, 'utf8');
  expect(cpd.match(/^CPD entry \d of 2$/gm)).toHaveLength(2);
  expect(cpd).toContain('Peer reflection: discussed with a social work peer, on 10 March 2026.');

  await alpha.getByRole('link', { name: /^Edit/ }).click();
  await expect(page).toHaveURL(/reflect\.html#r\/r-test-000001$/);
  await expect(page.getByLabel('What I learned')).toHaveValue('ALPHA learned');
  await expect(page.getByLabel('Discussed with')).toHaveValue('peer');
  await page.goBack();

  const beta = list.getByRole('listitem').filter({ hasText: 'BETA learned' });
  await beta.getByRole('button', { name: /^Delete/ }).click();
  await beta.getByRole('button', { name: 'Delete for good' }).click();
  await expect(list.getByRole('listitem')).toHaveCount(1);
  expect(JSON.stringify(await sw.evaluate(() => chrome.storage.local.get(null)))).not.toContain('BETA');
  expect(JSON.stringify(await sw.evaluate(() => chrome.storage.sync.get(null)))).not.toContain('ALPHA');
});

test('"Reflect on this" in the library opens the reflection page on that learning point', async ({ context, extensionId }) => {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/library.html#lp/${lp.id}`);
  await expect(page.locator('main article').first()).toBeVisible();
  const link = page.getByRole('link', { name: `Reflect on this: ${lp.title}`, exact: true });
  await link.focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`/reflect\\.html#lp/${lp.id}$`));
  await expect(page.getByRole('heading', { level: 2, name: lp.title })).toBeVisible();
  await expect(page.getByLabel('What I learned')).toBeFocused();
});

/**
 * From a prompt in the case-recording page to a saved reflection, keyboard only. Every key press after
 * the note is typed is counted (the browser command that opens the prompts counts as one); typing the
 * reflection itself is not. Along the way: the right learning point, only its id crossing to the
 * background, the case field exactly as it was left, and the canary check — no reflection text and no
 * case-note text in any message to the background or in synced storage.
 */
test('in-page prompt → "Reflect on this" → saved reflection, keyboard only, ≤ 12 key presses; the case field as it was; canaries nowhere', async ({
  context,
  sw,
  demo,
  extensionId,
}) => {
  const NOTE_CANARY = 'Qzvy4481note';
  const NOTE = `Concerns about neglect at home. ${NOTE_CANARY} made a disclosure to her teacher.`;
  // every message the background hears, as sent
  await sw.evaluate(() => {
    const g = globalThis as unknown as { __heard: string[] };
    g.__heard = [];
    chrome.runtime.onMessage.addListener((m: unknown) => {
      g.__heard.push(JSON.stringify(m));
      return undefined;
    });
  });
  const heard = () => sw.evaluate(() => (globalThis as unknown as { __heard: string[] }).__heard);

  const note = demo.locator('#case-note');
  await note.focus();
  await demo.keyboard.type(NOTE, { delay: 1 });
  await waitForAx(demo, 'button', /^Practice prompts: \d+ prompts?$/);
  await expect.poll(async () => (await heard()).some((m) => m.includes('"cs:prompts"'))).toBe(true);
  // the practitioner's caret and selection, then every input event from here on is counted
  await note.evaluate((el: HTMLTextAreaElement) => el.setSelectionRange(11, 18));
  await demo.evaluate(() => {
    const w = window as unknown as { __inputs: string[] };
    w.__inputs = [];
    for (const t of ['beforeinput', 'input']) document.addEventListener(t, (e) => w.__inputs.push(`${e.type} on ${(e.target as Element).nodeName}`), true);
  });

  let keys = 0;
  const press = async (page: Page, key: string) => {
    keys++;
    await page.keyboard.press(key);
  };
  // 1: the browser command (keyboard shortcut) opens the prompts with focus in the list
  keys++;
  await sw.evaluate(async () => {
    const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    await chrome.tabs.sendMessage(tab!.id!, { type: 'bg:toggle' });
  });
  await waitForAx(demo, 'region', /^Practice prompts$/);
  // the first prompt listed: its learning point id (reported to the background) and title (its button's name)
  const lastShown = async () =>
    (await heard())
      .map((m) => JSON.parse(m) as { type: string; ids?: string[] })
      .filter((m) => m.type === 'cs:prompts' && m.ids?.length)
      .at(-1)?.ids?.[0] ?? '';
  await expect.poll(lastShown).not.toBe('');
  const firstId = await lastShown();
  const reflectButtons = (await axNodes(demo)).filter((n) => n.role === 'button' && n.name.startsWith('Reflect on this: '));
  expect(reflectButtons.length).toBeGreaterThan(0);
  const title = reflectButtons[0]!.name.slice('Reflect on this: '.length);

  // 2, 3: Tab to "Open learning point", Tab to "Reflect on this"; 4: Enter opens the reflection page in a new tab
  await press(demo, 'Tab');
  await press(demo, 'Tab');
  const [reflect] = await Promise.all([context.waitForEvent('page'), press(demo, 'Enter')]);
  await expect(reflect).toHaveURL(`chrome-extension://${extensionId}/reflect.html#lp/${firstId}`);
  await expect(reflect.getByRole('heading', { level: 2, name: title })).toBeVisible();
  // only the learning point's id crossed to the background
  expect((await heard()).filter((m) => m.includes('"cs:reflect"'))).toEqual([JSON.stringify({ type: 'cs:reflect', id: firstId })]);

  // the page opens ready to write: type the reflection (not counted), then 4 × Tab and Enter to save
  const REFLECTION_CANARY = 'Wmkp2093reflection';
  await expect(reflect.getByLabel('What I learned')).toBeFocused();
  await reflect.keyboard.type(`${REFLECTION_CANARY} asking about the whole household, not one worry at a time.`);
  for (let i = 0; i < 4; i++) await press(reflect, 'Tab');
  await expect(reflect.getByRole('button', { name: 'Save reflection' })).toBeFocused();
  await press(reflect, 'Enter');
  await expect(reflect.getByRole('status')).toContainText('Saved on this computer only');
  expect(keys).toBeLessThanOrEqual(12);

  const stored = (await sw.evaluate(() => chrome.storage.local.get('reflections'))) as { reflections: { learningPointId: string; learned: string }[] };
  expect(stored.reflections.map((r) => r.learningPointId)).toEqual([firstId]);
  expect(stored.reflections[0]!.learned).toContain(REFLECTION_CANARY);

  // back on the case tab: the field holds its text, caret and selection, has focus, and no input event fired
  await demo.bringToFront();
  await expect.poll(() => demo.evaluate(() => document.activeElement?.id)).toBe('case-note');
  expect(await note.inputValue()).toBe(NOTE);
  expect(await note.evaluate((el: HTMLTextAreaElement) => [el.selectionStart, el.selectionEnd])).toEqual([11, 18]);
  expect(await demo.evaluate(() => (window as unknown as { __inputs: string[] }).__inputs)).toEqual([]);
  expect((await axNodes(demo)).some((n) => n.role === 'region' && n.name === 'Practice prompts')).toBe(false);

  // the canary check: neither text in any message to the background, nor in synced (or session) storage
  const messages = (await heard()).join('\n');
  expect(messages).not.toContain(REFLECTION_CANARY);
  expect(messages).not.toContain(NOTE_CANARY);
  expect(messages.toLowerCase()).not.toContain('whole household');
  expect(messages.toLowerCase()).not.toContain('neglect at home');
  const areas = JSON.stringify(await sw.evaluate(async () => ({ sync: await chrome.storage.sync.get(null), session: await chrome.storage.session.get(null) })));
  expect(areas).not.toContain(REFLECTION_CANARY);
  expect(areas).not.toContain(NOTE_CANARY);
  // the case note is in no storage area at all
  expect(JSON.stringify(await sw.evaluate(() => chrome.storage.local.get(null)))).not.toContain(NOTE_CANARY);
});

test('popup: Shift+Enter on a search result opens the reflection page pre-filled for it', async ({ context, extensionId }) => {
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  const box = popup.getByRole('combobox', { name: 'Search learning points' });
  await expect(box).toBeFocused();
  await popup.keyboard.type('seen alone');
  const first = popup.getByRole('listbox', { name: 'Learning points' }).getByRole('option').first();
  await expect(first.locator('.title')).toHaveText('Trust, and time alone with the child');
  await expect(popup.getByRole('button', { name: 'Reflect on this: Trust, and time alone with the child' })).toBeVisible();
  const [reflect] = await Promise.all([context.waitForEvent('page'), popup.keyboard.press('Shift+Enter').catch(() => {})]); // the popup closes itself
  await expect(reflect).toHaveURL(/\/reflect\.html#lp\/[a-z0-9][a-z0-9._-]*$/);
  await expect(reflect.getByRole('heading', { level: 2, name: 'Trust, and time alone with the child' })).toBeVisible();
  await expect(reflect.getByLabel('What I learned')).toBeFocused();
});

test('supervision pack: a period, entries ticked, printed and saved with each learning point’s questions and briefing citation', async ({ context, extensionId, sw, requests: _r }) => {
  const d = new Date();
  const today = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  const sections = JSON.parse(readFileSync(new URL('../../content/library/sections.json', import.meta.url), 'utf8')) as { id: string; title: string }[];
  const full = points[0] as unknown as { section: string; page: number };
  const citation = `Briefing: ${sections.find((s) => s.id === full.section)!.title}, page ${full.page}`;
  const base = { activity: 'Met it while recording.', applies: '', differently: '', created: 1, updated: 1 };
  await sw.evaluate(
    (list) => chrome.storage.local.set({ reflections: list }),
    [
      { ...base, id: 'r-pack-000001', learningPointId: lp.id, date: today, learned: 'PACK-ONE learned' },
      { ...base, id: 'r-pack-000002', learningPointId: lp.id, date: today, learned: 'PACK-TWO learned', created: 2 },
      { ...base, id: 'r-pack-000003', learningPointId: other.id, date: '2020-06-01', learned: 'PACK-OLD learned' },
    ],
  );
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/reflections.html`);
  const pack = page.getByRole('region', { name: 'Supervision pack' });
  // this registration year to start with: the two from today, not the one from 2020
  const chosen = pack.getByRole('checkbox');
  await expect(chosen).toHaveCount(2);
  await expect(pack.getByRole('group')).toContainText('2 of 2 chosen');
  expect(await runAxe(page)).toEqual([]);
  // leave one out, by keyboard
  await chosen.nth(1).focus();
  await page.keyboard.press('Space');
  await expect(pack.getByRole('group')).toContainText('1 of 2 chosen');

  const [download] = await Promise.all([page.waitForEvent('download'), pack.getByRole('button', { name: 'Save the pack as plain text' }).click()]);
  const { readFile } = await import('node:fs/promises');
  const text = await readFile((await download.path())!, 'utf8');
  expect(text).toMatch(/^SUPERVISION PACK\n/);
  expect(text).toContain(`Learning point 1 of 1: ${lp.title}`);
  expect(text).toContain(citation);
  for (const q of lp.questions) expect(text).toContain(`  - ${q}`);
  expect(text.match(/PACK-(ONE|TWO) learned/g)).toHaveLength(1);
  expect(text).not.toContain('PACK-OLD');

  // print: the pack goes to a frame of this page, and the browser prints that frame
  await pack.getByRole('button', { name: 'Print the supervision pack' }).click();
  const frame = page.frameLocator('#print-frame');
  await expect(frame.locator('h1')).toHaveText('Supervision pack');
  await expect(frame.locator('h2')).toHaveText([lp.title]);
  await expect(frame.locator('.cite')).toHaveText([citation]);
  await expect(frame.locator('.questions li')).toHaveText(lp.questions);
  await expect(frame.locator('article')).toHaveCount(1);
  // the page itself prints without the pack controls
  await page.emulateMedia({ media: 'print' });
  await expect(pack).toBeHidden();
  await page.emulateMedia({ media: 'screen' });
  expect(JSON.stringify(await sw.evaluate(() => chrome.storage.sync.get(null)))).not.toContain('PACK-');
});
