/**
 * The "never in the way" check, shared by editors.spec.ts and fields.spec.ts: type a note with real
 * keystrokes, use the prompt chip (expand, dismiss one, snooze one), then prove the practitioner's
 * field is exactly as they left it: text, focus, caret/selection, DOM, their page's own shortcut and
 * their editor's own undo history.
 */
import type { Frame, Locator, Page, Worker } from '@playwright/test';
import { expect, waitForAx, clickAx, axNodes } from './fixtures.ts';
import { compile, matchText } from '../../core/matcher/index.ts';
import type { PromptSet } from '../../core/schema/prompt-set.ts';
import defaultSet from '../../content/prompt-sets/default.json' with { type: 'json' };

declare const chrome: typeof import('wxt/browser').browser;

export const NOTE = 'Concerns about neglect. She made a disclosure to her teacher and the strategy meeting agreed NFA. Caseloads in the team remain very high and two posts are vacant.';
export const CHIP = /^Practice prompts: (\d+) prompts?$/;
const chipNamed = (n: number) => new RegExp(`^Practice prompts: ${n} prompts?$`);

declare global {
  interface Window {
    editorReady?: boolean;
    getEditorText?: () => string;
    undo?: () => unknown;
    __saved?: boolean;
    __errors?: string[];
    __removed?: boolean;
  }
}

export interface Target {
  /** The frame the field lives in (default: the page's main frame). */
  frame?: (page: Page) => Promise<Frame>;
  /** The field, or a rich editor's editing host, in that frame (open shadow roots are pierced). */
  selector: string;
  /** A rich editor (contenteditable): text and undo come from the page's window.getEditorText/undo. */
  rich?: boolean;
  /** Text already in the field; the note is typed at its end (Ctrl+End). */
  before?: string;
  /** Called before the note's last keystroke (which must then bring the prompts back). */
  beforeLastKey?: (page: Page) => Promise<void>;
  /** Extra checks once the chip is up. */
  onChip?: (page: Page) => Promise<void>;
  /** Read only our surface's part of the accessibility tree (pages so big that the full tree takes seconds). */
  ax?: Ax;
}

interface AxNode {
  role: string;
  name: string;
  expanded?: boolean;
}
/** How a test reads and clicks our surface through the accessibility tree. */
export interface Ax {
  all(page: Page): Promise<AxNode[]>;
  wait(page: Page, role: string, name: RegExp, timeout?: number): Promise<AxNode>;
  click(page: Page, role: string, name: RegExp): Promise<void>;
}

/** The whole page's accessibility tree (the fixtures' helpers). */
export const fullTree: Ax = { all: axNodes, wait: waitForAx, click: clickAx };

/** Only the accessibility subtree of our host element (CDP Accessibility.queryAXTree): same tree, much less of it. */
export const ourSubtree: Ax = {
  async all(page) {
    return (await ourNodes(page)).map(({ role, name, expanded }) => ({ role, name, expanded }));
  },
  async wait(page, role, name, timeout = 5000) {
    let hit: AxNode | undefined;
    await expect
      .poll(async () => (hit = (await this.all(page)).find((n) => n.role === role && name.test(n.name))) !== undefined, {
        timeout,
        intervals: [100],
        message: `a ${role} named ${name} in our accessibility subtree`,
      })
      .toBe(true);
    return hit!;
  },
  async click(page, role, name) {
    const n = (await ourNodes(page)).find((x) => x.role === role && name.test(x.name));
    if (!n?.backendDOMNodeId) throw new Error(`no ${role} named ${name}`);
    const cdp = await page.context().newCDPSession(page);
    // the list scrolls inside its own box: bring the control into view first, as a person would
    await cdp.send('DOM.scrollIntoViewIfNeeded', { backendNodeId: n.backendDOMNodeId }).catch(() => {});
    const { model } = (await cdp.send('DOM.getBoxModel', { backendNodeId: n.backendDOMNodeId })) as { model: { content: number[] } };
    await cdp.detach();
    const [x1, y1, , , x3, y3] = model.content as [number, number, number, number, number, number];
    await page.mouse.click((x1 + x3) / 2, (y1 + y3) / 2);
  },
};

async function ourNodes(page: Page): Promise<(AxNode & { backendDOMNodeId?: number })[]> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: 0 })) as { root: { nodeId: number } };
    const { nodeId } = (await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector: 'practice-prompts' })) as { nodeId: number };
    if (!nodeId) return [];
    const { nodes } = (await cdp.send('Accessibility.queryAXTree', { nodeId })) as {
      nodes: { role?: { value: string }; name?: { value: string }; ignored?: boolean; backendDOMNodeId?: number; properties?: { name: string; value: { value: unknown } }[] }[];
    };
    return nodes
      .filter((n) => !n.ignored)
      .map((n) => ({
        role: String(n.role?.value ?? ''),
        name: String(n.name?.value ?? ''),
        expanded: n.properties?.find((p) => p.name === 'expanded')?.value.value as boolean | undefined,
        backendDOMNodeId: n.backendDOMNodeId,
      }));
  } finally {
    await cdp.detach();
  }
}

/** The chip is drawn as ours: a real box in a corner of the viewport (page CSS and CSP did not undo our styles). */
export async function expectChipInCorner(page: Page): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as { nodes: { role?: { value: string }; name?: { value: string }; backendDOMNodeId?: number }[] };
  const chip = nodes.find((x) => x.role?.value === 'button' && CHIP.test(String(x.name?.value ?? '')));
  expect(chip?.backendDOMNodeId).toBeTruthy();
  const { model } = (await cdp.send('DOM.getBoxModel', { backendNodeId: chip!.backendDOMNodeId! })) as { model: { border: number[] } };
  const { cssLayoutViewport: vp } = (await cdp.send('Page.getLayoutMetrics')) as { cssLayoutViewport: { clientWidth: number; clientHeight: number } };
  await cdp.detach();
  const [x1, y1, , , x3, y3] = model.border as [number, number, number, number, number, number];
  expect(x3 - x1).toBeGreaterThan(100); // "Practice prompts: N prompts" on one line
  expect(y3 - y1).toBeGreaterThan(16);
  expect(Math.min(x1, vp.clientWidth - x3)).toBeLessThan(40);
  expect(Math.min(y1, vp.clientHeight - y3)).toBeLessThan(40);
  expect(x1).toBeGreaterThanOrEqual(0);
  expect(y1).toBeGreaterThanOrEqual(0);
}

/** Errors and warnings that come from us (the content script's console, or a stack through our code). */
export function ourErrors(page: Page): string[] {
  const ours: string[] = [];
  const isOurs = (s: string) => /chrome-extension:\/\//.test(s);
  page.on('console', (m) => {
    if ((m.type() === 'error' || m.type() === 'warning') && (isOurs(m.location().url) || isOurs(m.text()))) ours.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => {
    if (isOurs(`${e.message}\n${e.stack ?? ''}`)) ours.push(`pageerror: ${e.stack ?? e.message}`);
  });
  return ours;
}

/**
 * Wait until the extension can answer a page: its first chrome.storage.managed read after browser
 * start takes ~3 s here, and on a page that repaints constantly it did not finish at all (see the
 * cold-start test). These tests are about being in the way, so they start from a warmed-up browser.
 */
export async function warmUp(sw: Worker): Promise<void> {
  // bounded: the product no longer waits on this read (platform/settings-store.ts readPolicy)
  await sw.evaluate(() => Promise.race([chrome.storage.managed.get(null).catch(() => null), new Promise((r) => setTimeout(r, 3000))]));
}

/** Until no node of the accessibility tree matches. */
export async function waitForNoAx(page: Page, role: string, name: RegExp, timeout = 5000, ax: Ax = fullTree): Promise<void> {
  await expect
    .poll(async () => (await ax.all(page)).some((n) => n.role === role && name.test(n.name)), {
      timeout,
      intervals: [100],
      message: `${role} named ${name} gone from the accessibility tree`,
    })
    .toBe(false);
}

/**
 * "Nothing appears for this text", proven rather than slept on: the field first shows a prompt for a
 * control text (the content script is alive and reading this very field), then the whole text is
 * replaced by `benign` in one input event and the prompt goes. Every read after that event sees
 * exactly `benign`, so the prompt going away is the content script's verdict on it: no prompt. If the
 * content script never loaded, the first wait fails; if `benign` prompted, the second one does.
 */
export async function expectNoPromptFor(page: Page, field: Locator, benign: string, control = 'Concerns about neglect at home.'): Promise<void> {
  await field.click();
  await page.keyboard.press('Control+a');
  await page.keyboard.type(control);
  await waitForAx(page, 'button', CHIP);
  await page.keyboard.press('Control+a');
  await page.keyboard.insertText(benign);
  await waitForNoAx(page, 'button', CHIP);
  expect((await axNodes(page)).filter((x) => /^Practice prompts/.test(x.name)).map((x) => x.name)).toEqual([]);
  expect(await field.inputValue()).toBe(benign);
}

/**
 * The chip's count, read once it shows `settled` prompts when given (what the built-in set gives for
 * the whole text: see promptCountFor). While a note is being typed, an earlier sentence can show
 * fewer prompts; waiting for the final count is waiting for the condition, not for time.
 */
export async function chipCount(page: Page, timeout?: number, ax: Ax = fullTree, settled?: number): Promise<number> {
  const chip = await ax.wait(page, 'button', settled === undefined ? CHIP : new RegExp(`^Practice prompts: ${settled} prompts?$`), timeout);
  expect(chip.expanded).toBe(false);
  return Number(CHIP.exec(chip.name)![1]);
}

let builtIn: ReturnType<typeof compile> | null = null;
/** How many prompts the built-in set shows for `text` (the same engine and ranking as the page). */
export function promptCountFor(text: string): number {
  builtIn ??= compile([defaultSet as PromptSet]);
  return matchText(builtIn, text).length;
}

/** The deepest focused element is the field (or inside the editing host), and its document has focus. */
function focusProbe(el: Element) {
  const doc = el.ownerDocument;
  let a: Element | null = doc.activeElement;
  while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
  const frame = doc.defaultView?.frameElement ?? null;
  return {
    inField: a === el || el.contains(a),
    documentHasFocus: doc.hasFocus(),
    frameIsActiveInParent: frame ? frame.ownerDocument.activeElement === frame : true,
  };
}

/** Caret/selection, as offsets that can be compared before and after. */
function selectionProbe(el: Element) {
  if (el instanceof HTMLTextAreaElement || el instanceof HTMLInputElement) {
    return { start: el.selectionStart, end: el.selectionEnd, length: el.value.length, direction: el.selectionDirection };
  }
  const doc = el.ownerDocument;
  const sel = doc.getSelection();
  if (!sel || !sel.rangeCount || !sel.anchorNode) return null;
  const strip = (s: string) => s.replace(/[\u200b\u2060\ufeff]/g, '');
  const before = doc.createRange();
  before.selectNodeContents(el);
  before.setEnd(sel.anchorNode, sel.anchorOffset);
  const after = doc.createRange();
  after.selectNodeContents(el);
  after.setStart(sel.anchorNode, sel.anchorOffset);
  return {
    inField: el.contains(sel.anchorNode),
    collapsed: sel.isCollapsed,
    charsBefore: strip(before.toString()).length,
    charsAfter: strip(after.toString()).trim().length,
  };
}

export function fieldIn(frame: Frame, t: Target): Locator {
  return frame.locator(t.selector);
}

/**
 * Type `note` into the target with real keystrokes, work the prompt surface, and assert that nothing
 * the practitioner owns changed. Returns the number of prompts first shown.
 */
export async function neverInTheWay(page: Page, t: Target, note = NOTE): Promise<number> {
  const frame = t.frame ? await t.frame(page) : page.mainFrame();
  const field = fieldIn(frame, t);
  const ax = t.ax ?? fullTree;
  const base = t.before ?? '';
  const expected = base + note;
  const text = async (): Promise<string> =>
    t.rich ? page.evaluate(() => window.getEditorText!()) : field.inputValue();

  await field.click();
  if (base) await page.keyboard.press('Control+End');
  if (t.beforeLastKey) {
    await page.keyboard.type(note.slice(0, -1));
    await t.beforeLastKey(page);
    await page.keyboard.type(note.slice(-1));
  } else await page.keyboard.type(note);

  // 1. the quiet chip, read as a screen reader would
  const n = await chipCount(page, 8000, ax, promptCountFor(expected));
  expect(n).toBeGreaterThanOrEqual(2);
  expect(n).toBeLessThanOrEqual(3);
  await t.onChip?.(page);

  expect(await text()).toBe(expected);
  const selection = await field.evaluate(selectionProbe);
  const html = t.rich ? await field.evaluate((el) => el.innerHTML) : null;

  // 2. expand it, dismiss one prompt, snooze another: all with the mouse, as a practitioner would.
  //    (Another candidate may take a freed place, so follow prompts by title, not by count.)
  const titles = async () =>
    (await ax.all(page)).filter((x) => x.role === 'button' && x.name.startsWith('Dismiss: ')).map((x) => x.name.slice('Dismiss: '.length));
  const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  await ax.click(page, 'button', /^Practice prompts:/);
  await ax.wait(page, 'region', /^Practice prompts$/);
  const listed = await titles();
  expect(listed).toHaveLength(n);
  const dismissed = listed[0]!;
  await ax.click(page, 'button', new RegExp(`^Dismiss: ${esc(dismissed)}$`));
  await expect.poll(titles).not.toContain(dismissed);
  const snoozed = (await titles())[0]!;
  expect(snoozed).toBeTruthy();
  await ax.click(page, 'button', new RegExp(`^Snooze 1 hour: ${esc(snoozed)}$`));
  await expect.poll(titles).not.toContain(snoozed);
  const left = await titles();
  expect(left).not.toContain(dismissed);
  if (left.length) await ax.wait(page, 'button', chipNamed(left.length));
  else await waitForNoAx(page, 'button', CHIP, 5000, ax);

  // 3. the practitioner's field is exactly as they left it
  expect(await text()).toBe(expected);
  expect(await field.evaluate(focusProbe)).toEqual({ inField: true, documentHasFocus: true, frameIsActiveInParent: true });
  const after = await field.evaluate(selectionProbe);
  expect(after).toEqual(selection);
  if (t.rich) {
    expect(after).toMatchObject({ inField: true, collapsed: true, charsAfter: 0 });
    expect(await field.evaluate((el) => el.innerHTML)).toBe(html);
  } else {
    expect(after).toMatchObject({ start: expected.length, end: expected.length, length: expected.length });
  }

  // 4. the page's own keyboard shortcut still works from inside the field
  expect(await page.evaluate(() => window.__saved === true)).toBe(false);
  await page.keyboard.press('Control+s');
  await expect.poll(() => page.evaluate(() => window.__saved === true)).toBe(true);
  expect(await text()).toBe(expected);

  // 5. the editor's own undo undoes the practitioner's typing (nothing of ours is in the history)
  if (t.rich) await page.evaluate(() => window.undo!());
  else await page.keyboard.press('Control+z');
  await expect.poll(text).not.toBe(expected);
  const undone = (await text()).replace(/\u00a0/g, ' ');
  expect(undone.length).toBeLessThan(expected.length);
  expect(expected.startsWith(undone), `after undo: ${JSON.stringify(undone)}`).toBe(true);
  expect(undone.startsWith(base)).toBe(true);
  return n;
}
