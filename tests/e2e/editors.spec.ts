/**
 * Real rich-text editors (bundled from npm by scripts/build-fixtures.mjs, served locally): typing
 * shows a quiet prompt, and using it never changes the practitioner's text, focus, caret, undo
 * history or their page's own shortcuts.
 */
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures.ts';
import { neverInTheWay, warmUp, ourErrors, type Target } from './never-in-the-way.ts';

let ours: string[] = [];
test.beforeEach(async ({ page, sw }) => {
  await warmUp(sw);
  ours = ourErrors(page);
});
test.afterEach(() => expect(ours, 'errors or warnings from the extension').toEqual([]));

const EDITORS: { name: string; path: string; target: Target }[] = [
  {
    name: 'TinyMCE (its editing iframe)',
    path: 'editors/tinymce.html',
    target: {
      rich: true,
      selector: 'body#tinymce',
      frame: async (page: Page) => (await page.locator('iframe.tox-edit-area__iframe').elementHandle())!.contentFrame().then((f) => f!),
    },
  },
  { name: 'CKEditor 5', path: 'editors/ckeditor5.html', target: { rich: true, selector: '.ck-editor__editable[contenteditable="true"]' } },
  { name: 'Quill', path: 'editors/quill.html', target: { rich: true, selector: '.ql-editor' } },
  { name: 'Tiptap', path: 'editors/tiptap.html', target: { rich: true, selector: '.ProseMirror' } },
  { name: 'Lexical (rich text)', path: 'editors/lexical.html', target: { rich: true, selector: '#case-note' } },
  { name: 'Lexical (plain text)', path: 'editors/lexical.html?plain', target: { rich: true, selector: '#case-note' } },
];

for (const e of EDITORS) {
  test(`${e.name}: prompts appear and the note, focus, caret, undo and shortcuts are untouched`, async ({ page, site, requests }) => {
    await page.goto(`${site}/${e.path}`);
    await page.waitForFunction(() => window.editorReady === true);
    await neverInTheWay(page, e.target);
    // everything the editor needed came from the fixture server: no CDN
    expect(requests.filter((u) => u.startsWith(site)).length).toBeGreaterThan(1);
  });
}
