import { test, expect, waitForAx } from './fixtures.ts';

test('a 100,000-node page that throws on every event: prompts still appear, nothing typed changes, nothing thrown by us', async ({ demo }) => {
  const errors: string[] = [];
  demo.on('pageerror', (e) => errors.push(String(e.stack ?? e)));
  await demo.evaluate(() => {
    const root = document.createElement('div');
    root.setAttribute('aria-hidden', 'true');
    for (let i = 0; i < 20_000; i++) {
      const row = document.createElement('div');
      row.innerHTML = '<span>a</span><b>b</b><i>c</i><em>d</em>';
      root.appendChild(row);
    }
    document.body.appendChild(root);
    // a page whose own handlers throw on every event
    for (const type of ['focusin', 'input', 'keydown', 'keyup', 'blur', 'focusout', 'click', 'mousedown', 'compositionend']) {
      window.addEventListener(type, () => {
        throw new Error(`page handler ${type}`);
      }, true);
    }
  });
  expect(await demo.evaluate(() => document.getElementsByTagName('*').length)).toBeGreaterThan(100_000);
  const NOTE = 'Concerns about neglect. She made a disclosure to her teacher.';
  await demo.locator('#case-note').click();
  await demo.keyboard.type(NOTE, { delay: 1 });
  await waitForAx(demo, 'button', /^Practice prompts: \d+ prompts?$/, 15_000);
  expect(await demo.locator('#case-note').inputValue()).toBe(NOTE);
  // the page's own errors only: none from the extension
  expect(errors.filter((e) => !/page handler/.test(e))).toEqual([]);
});
