/**
 * The built options page, as a manager meets it: a policy shown locked (a stubbed managed area), an
 * import with an error that changes nothing, a good import, the test bench, export, editing a set.
 */
import { test, expect } from './fixtures.ts';

declare const chrome: typeof import('wxt/browser').browser;

const GOOD = {
  format: 'practice-prompts/prompt-set',
  version: 1,
  id: 'local-neglect',
  name: 'Our neglect procedure',
  prompts: [{ id: 'local-neglect-tool', title: 'Use the local neglect tool', text: 'Our partnership uses the Graded Care Profile.', links: [{ title: 'Neglect strategy', url: 'https://procedures.example.gov.uk/neglect' }] }],
  triggers: [{ id: 'zebra', leadsTo: ['local-neglect-tool', 'neglect-assessment-tools'], any: ['zebra crossing'] }],
};

test('options: policy locked, bad import changes nothing, good import, test bench, export, edit', async ({ context, extensionId, sw }) => {
  const page = await context.newPage();
  // an organisation's policy, through a stubbed managed storage area
  await page.addInitScript(() => {
    const policy = { maxPrompts: 2, surface: 'panel', locked: ['surface'] };
    const managed = (globalThis as unknown as { chrome: { storage: { managed: { get: unknown } } } }).chrome?.storage?.managed;
    if (managed) managed.get = () => Promise.resolve(policy);
  });
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  await expect(page.getByLabel(/Where prompts appear/)).toBeDisabled();
  await expect(page.getByLabel(/Most prompts shown at once/)).toBeDisabled();
  await expect(page.getByText(/set by your organisation/).first()).toBeVisible();

  // a bad file: every problem with its path, nothing changed
  const before = await sw.evaluate(async () => JSON.stringify((await chrome.storage.local.get('settings')).settings ?? null));
  const bad = { ...GOOD, triggers: [{ id: 'x', leadsTo: ['no-such-point'], any: [''] }], prompts: [{ ...GOOD.prompts[0], links: [{ title: 'x', url: 'javascript:alert(1)' }] }] };
  await page.getByLabel('Or paste JSON').fill(JSON.stringify(bad));
  await page.getByRole('button', { name: 'Check pasted JSON' }).click();
  await expect(page.getByText(/triggers\[0\]\.any\[0\]: must not be empty/).first()).toBeVisible();
  await expect(page.getByText(/prompts\[0\]\.links\[0\]\.url: must be an https:\/\/ address/).first()).toBeVisible();
  await expect(page.getByRole('button', { name: 'Apply import' })).toHaveCount(0);
  expect(await sw.evaluate(async () => JSON.stringify((await chrome.storage.local.get('settings')).settings ?? null))).toBe(before);

  // a good file: preview, then apply
  await page.getByLabel('Or paste JSON').fill(JSON.stringify(GOOD));
  await page.getByRole('button', { name: 'Check pasted JSON' }).click();
  await expect(page.getByRole('list', { name: 'Prompt sets added' })).toContainText('Our neglect procedure');
  await page.getByRole('button', { name: 'Apply import' }).click();
  await expect
    .poll(async () => sw.evaluate(async () => ((await chrome.storage.local.get('settings')).settings as { localSets?: { id: string }[] } | undefined)?.localSets?.map((s) => s.id)))
    .toEqual(['local-neglect']);

  // the test bench uses the same engine as the page
  await page.getByLabel('Sample text').fill('We met at the zebra crossing outside school.');
  await expect(page.getByRole('list', { name: 'Prompts that would appear' })).toContainText('Use the local neglect tool');

  // export one set: a download of canonical JSON that imports back identically
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export Our neglect procedure' }).click();
  const file = await download;
  const text = await (await file.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks).toString('utf8'));
  expect(JSON.parse(text)).toMatchObject({ id: 'local-neglect', triggers: [{ id: 'zebra' }] });

  // edit the set: rename and save
  await page.getByRole('button', { name: 'Edit Our neglect procedure' }).click();
  await page.getByLabel('Name', { exact: true }).fill('Our neglect procedure (2026)');
  await page.getByRole('button', { name: 'Save prompt set' }).click();
  await expect
    .poll(async () => sw.evaluate(async () => ((await chrome.storage.local.get('settings')).settings as { localSets?: { name: string }[] } | undefined)?.localSets?.[0]?.name))
    .toBe('Our neglect procedure (2026)');
});
