/**
 * The layer rules in eslint.config.js really hold. Each probe is a snippet linted in memory with a file
 * path in one layer (the file need not exist): a violating probe holds exactly one violation and must be
 * reported by exactly the expected rule; a clean probe in the same place must report nothing, so the rules
 * fire only where they should. Flat config replaces a rule when two blocks set it for one file, so probes
 * in the files that have their own block (PromptSurface, the content-script entry, dom/) check the layer
 * rules and the content-script rules together.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, test } from 'vitest';

const root = fileURLToPath(new URL('../../../', import.meta.url));
// LINT_CONFIG=<path from the repo root> runs the same probes against another config (e.g. an older one,
// to see which rules it was missing).
const config = path.join(root, process.env.LINT_CONFIG ?? 'eslint.config.js');
let eslint: ESLint;

beforeAll(() => {
  eslint = new ESLint({ cwd: root, overrideConfigFile: config });
});

async function lint(file: string, code: string) {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return result!.messages.map((m) => ({ rule: m.ruleId, message: m.message }));
}

const IMPORTS = 'no-restricted-imports';
const GLOBALS = 'no-restricted-globals';
const PROPERTIES = 'no-restricted-properties';
const SYNTAX = 'no-restricted-syntax';

const CORE = 'core/__probe__.ts';
const SCHEMA = 'core/schema/__probe__.ts';
const CONTENT = 'content/__probe__.ts';
const DOM = 'dom/__probe__.ts';
const PLATFORM = 'platform/__probe__.ts';
const COMPONENT = 'components/__probe__.tsx';
const SURFACE = 'components/PromptSurface.tsx';
const ENTRY = 'entrypoints/popup/__probe__.ts';
const CONTENT_ENTRY = 'entrypoints/prompts.content/__probe__.ts';
const CLI = 'cli/__probe__.ts';

/** [file, what the probe does, code with one violation, the rule that must report it] */
const violations: [string, string, string, string][] = [
  // core/: pure TypeScript.
  [CORE, 'imports wxt/browser', "import { browser } from 'wxt/browser';\nexport const b = browser;", IMPORTS],
  [CORE, 'imports wxt', "import { defineConfig } from 'wxt';\nexport const d = defineConfig;", IMPORTS],
  [CORE, 'imports the polyfill', "import browser from 'webextension-polyfill';\nexport const b = browser;", IMPORTS],
  [CORE, 'imports the WXT polyfill', "import browser from '@wxt-dev/webextension-polyfill';\nexport const b = browser;", IMPORTS],
  [CORE, 'imports preact', "import { render } from 'preact';\nexport const r = render;", IMPORTS],
  [CORE, 'imports content/', "import { sections } from '../content/library/index.ts';\nexport const s = sections;", IMPORTS],
  [CORE, 'imports dom/', "import { readText } from '../dom/fields.ts';\nexport const r = readText;", IMPORTS],
  [CORE, 'imports platform/', "import { KEYS } from '../platform/settings-store.ts';\nexport const k = KEYS;", IMPORTS],
  [CORE, 'imports components/', "import { SearchBox } from '../components/SearchBox.tsx';\nexport const s = SearchBox;", IMPORTS],
  [CORE, 'imports entrypoints/', "import x from '../entrypoints/background.ts';\nexport const b = x;", IMPORTS],
  [CORE, 'dynamically imports wxt/browser', "export const load = () => import('wxt/browser');", SYNTAX],
  [CORE, 'dynamically imports platform/', "export const load = () => import('../platform/messages.ts');", SYNTAX],
  [CORE, 'dynamically imports dom/ through a template literal', 'export const load = () => import(`../dom/fields.ts`);', SYNTAX],
  [CORE, 'imports a computed path', 'export const load = (p: string) => import(p);', SYNTAX],
  [CORE, 'uses document', 'export const t = () => document.title;', GLOBALS],
  [CORE, 'uses window', 'export const w = () => window.innerWidth;', GLOBALS],
  [CORE, 'uses navigator', 'export const l = () => navigator.language;', GLOBALS],
  [CORE, 'uses location', 'export const h = () => location.href;', GLOBALS],
  [CORE, 'uses localStorage', "export const g = () => localStorage.getItem('k');", GLOBALS],
  [CORE, 'uses chrome', 'export const id = () => chrome.runtime.id;', GLOBALS],
  [CORE, 'uses browser', 'export const id = () => browser.runtime.id;', GLOBALS],
  [CORE, 'uses self.location', 'export const h = () => self.location.href;', GLOBALS],
  [CORE, 'uses globalThis.document', 'export const t = () => globalThis.document.title;', PROPERTIES],
  [CORE, 'uses globalThis.location', 'export const h = () => globalThis.location.href;', PROPERTIES],
  [CORE, 'uses globalThis.chrome', "export const c = () => globalThis.chrome;", PROPERTIES],
  [CORE, 'uses globalThis.browser', "export const b = () => globalThis.browser;", PROPERTIES],
  [CORE, 'destructures document from globalThis', 'export const d = () => {\n  const { document: d } = globalThis;\n  return d;\n};', PROPERTIES],
  [CORE, 'reads globalThis by a computed name', 'export const read = (k: keyof typeof globalThis) => globalThis[k];', SYNTAX],
  [CORE, 'calls fetch', "export const f = () => fetch('https://example.com');", GLOBALS],
  // core/schema/: the foundation of core.
  [SCHEMA, 'imports core/prompt-sets', "import { parseImport } from '../prompt-sets/io.ts';\nexport const p = parseImport;", IMPORTS],
  [SCHEMA, 'imports core/text', "import { foldWords } from '../text/fold.ts';\nexport const f = foldWords;", IMPORTS],
  [SCHEMA, 'dynamically imports core/prompt-sets', "export const load = () => import('../prompt-sets/io.ts');", SYNTAX],
  [SCHEMA, 'uses document', 'export const t = () => document.title;', GLOBALS],
  [SCHEMA, 'imports wxt/browser', "import { browser } from 'wxt/browser';\nexport const b = browser;", IMPORTS],
  // content/: data, imports only core/.
  [CONTENT, 'imports wxt', "import { defineConfig } from 'wxt';\nexport const d = defineConfig;", IMPORTS],
  [CONTENT, 'imports wxt/utils/storage', "import { storage } from 'wxt/utils/storage';\nexport const s = storage;", IMPORTS],
  [CONTENT, 'imports the polyfill', "import browser from '@wxt-dev/webextension-polyfill';\nexport const b = browser;", IMPORTS],
  [CONTENT, 'imports preact', "import { h } from 'preact';\nexport const x = h;", IMPORTS],
  [CONTENT, 'imports dom/', "import { readText } from '../dom/fields.ts';\nexport const r = readText;", IMPORTS],
  [CONTENT, 'imports platform/', "import { KEYS } from '../platform/settings-store.ts';\nexport const k = KEYS;", IMPORTS],
  [CONTENT, 'imports components/', "import { SearchBox } from '../components/SearchBox.tsx';\nexport const s = SearchBox;", IMPORTS],
  [CONTENT, 'dynamically imports wxt', "export const load = () => import('wxt');", SYNTAX],
  [CONTENT, 'dynamically imports platform/', "export const load = () => import('../platform/messages.ts');", SYNTAX],
  [CONTENT, 'uses document', 'export const t = () => document.title;', GLOBALS],
  // dom/: the page side, below components/ and entrypoints/, beside platform/; part of the content script.
  [DOM, 'imports components/', "import { PromptSurface } from '../components/PromptSurface.tsx';\nexport const s = PromptSurface;", IMPORTS],
  [DOM, 'imports preact', "import { render } from 'preact';\nexport const r = render;", IMPORTS],
  [DOM, 'imports preact/hooks', "import { useState } from 'preact/hooks';\nexport const u = useState;", IMPORTS],
  [DOM, 'imports entrypoints/', "import x from '../entrypoints/background.ts';\nexport const b = x;", IMPORTS],
  [DOM, 'imports platform/', "import { sendToBackground } from '../platform/messages.ts';\nexport const s = sendToBackground;", IMPORTS],
  [DOM, 'imports zod', "import * as z from 'zod/mini';\nexport const s = z.string();", IMPORTS],
  [DOM, 'imports a schema value', "import { PromptSetSchema } from '../core/schema/prompt-set.ts';\nexport const s = PromptSetSchema;", IMPORTS],
  [DOM, 'dynamically imports components/', "export const load = () => import('../components/PromptSurface.tsx');", SYNTAX],
  [DOM, 'dynamically imports preact', "export const load = () => import('preact');", SYNTAX],
  [DOM, 'dynamically imports zod', "export const load = () => import('zod/mini');", SYNTAX],
  [DOM, 'writes innerHTML', "export const w = (e: Element) => {\n  e.innerHTML = '';\n};", SYNTAX],
  [DOM, 'calls execCommand', "export const w = () => document.execCommand('insertText');", SYNTAX],
  [DOM, 'calls fetch', "export const f = () => fetch('/');", GLOBALS],
  // platform/: thin adapters, below components/ and entrypoints/, beside dom/.
  [PLATFORM, 'imports preact', "import { render } from 'preact';\nexport const r = render;", IMPORTS],
  [PLATFORM, 'imports components/', "import { SearchBox } from '../components/SearchBox.tsx';\nexport const s = SearchBox;", IMPORTS],
  [PLATFORM, 'imports entrypoints/', "import x from '../entrypoints/background.ts';\nexport const b = x;", IMPORTS],
  [PLATFORM, 'imports dom/', "import { readText } from '../dom/fields.ts';\nexport const r = readText;", IMPORTS],
  [PLATFORM, 'dynamically imports components/', "export const load = () => import('../components/SearchBox.tsx');", SYNTAX],
  [PLATFORM, 'calls sendBeacon', "export const s = () => navigator.sendBeacon('/', '');", SYNTAX],
  // components/: props in, callbacks out.
  [COMPONENT, 'imports entrypoints/', "import x from '../entrypoints/background.ts';\nexport const b = x;", IMPORTS],
  [COMPONENT, 'imports wxt/browser', "import { browser } from 'wxt/browser';\nexport const b = browser;", IMPORTS],
  [COMPONENT, 'imports wxt/utils/storage', "import { storage } from 'wxt/utils/storage';\nexport const s = storage;", IMPORTS],
  [COMPONENT, 'imports the polyfill', "import browser from '@wxt-dev/webextension-polyfill';\nexport const b = browser;", IMPORTS],
  [COMPONENT, 'imports a platform/ value', "import { changeSite } from '../platform/sites.ts';\nexport const c = changeSite;", IMPORTS],
  [COMPONENT, 'dynamically imports wxt/browser', "export const load = () => import('wxt/browser');", SYNTAX],
  [COMPONENT, 'dynamically imports wxt/utils/storage', "export const load = () => import('wxt/utils/storage');", SYNTAX],
  [COMPONENT, 'dynamically imports platform/', "export const load = () => import('../platform/sites.ts');", SYNTAX],
  [COMPONENT, 'dynamically imports entrypoints/', "export const load = () => import('../entrypoints/background.ts');", SYNTAX],
  [COMPONENT, 'calls chrome.*', "export const send = () => chrome.runtime.sendMessage({});", GLOBALS],
  [COMPONENT, 'calls browser.*', "export const open = () => browser.runtime.openOptionsPage();", GLOBALS],
  [COMPONENT, 'reaches globalThis.chrome', 'export const c = () => globalThis.chrome;', PROPERTIES],
  [COMPONENT, 'reaches window.browser', 'export const b = () => window.browser;', PROPERTIES],
  [COMPONENT, 'renders HTML', "export const A = () => <div dangerouslySetInnerHTML={{ __html: '' }} />;", SYNTAX],
  [COMPONENT, 'calls fetch', "export const f = () => fetch('/');", GLOBALS],
  // components/PromptSurface.tsx: a component AND part of the content script.
  [SURFACE, 'imports wxt/browser', "import { browser } from 'wxt/browser';\nexport const b = browser;", IMPORTS],
  [SURFACE, 'imports platform/messages', "import { sendToBackground } from '../platform/messages.ts';\nexport const s = sendToBackground;", IMPORTS],
  [SURFACE, 'imports entrypoints/', "import x from '../entrypoints/background.ts';\nexport const b = x;", IMPORTS],
  [SURFACE, 'imports zod', "import * as z from 'zod/mini';\nexport const s = z.string();", IMPORTS],
  [SURFACE, 'imports a schema value', "import { PromptSetSchema } from '../core/schema/prompt-set.ts';\nexport const s = PromptSetSchema;", IMPORTS],
  [SURFACE, 'dynamically imports wxt/browser', "export const load = () => import('wxt/browser');", SYNTAX],
  [SURFACE, 'dynamically imports zod', "export const load = () => import('zod');", SYNTAX],
  [SURFACE, 'calls chrome.*', 'export const send = () => chrome.runtime.sendMessage({});', GLOBALS],
  [SURFACE, 'renders HTML', "export const A = () => <div dangerouslySetInnerHTML={{ __html: '' }} />;", SYNTAX],
  [SURFACE, 'calls fetch', "export const f = () => fetch('/');", GLOBALS],
  // entrypoints/prompts.content/: the content script does not validate.
  [CONTENT_ENTRY, 'imports zod', "import * as z from 'zod/mini';\nexport const s = z.string();", IMPORTS],
  [CONTENT_ENTRY, 'imports a schema value', "import { PromptSetSchema } from '../../core/schema/prompt-set.ts';\nexport const s = PromptSetSchema;", IMPORTS],
  [CONTENT_ENTRY, 'dynamically imports a schema', "export const load = () => import('../../core/schema/prompt-set.ts');", SYNTAX],
  [CONTENT_ENTRY, 'calls fetch', "export const f = () => fetch('/');", GLOBALS],
  [CONTENT_ENTRY, 'calls execCommand', "export const w = () => document.execCommand('insertText');", SYNTAX],
  // other entrypoints and the CLI: the network and no-dynamic-code rules.
  [ENTRY, 'calls fetch', "export const f = () => fetch('/');", GLOBALS],
  [ENTRY, 'uses eval', "export const e = () => eval('1');", GLOBALS],
  [ENTRY, 'imports a computed path', 'export const load = (p: string) => import(p);', SYNTAX],
  [CLI, 'opens a WebSocket', "export const w = () => new WebSocket('ws://x');", GLOBALS],
  [CLI, 'builds a Function', "export const f = () => new Function('return 1');", SYNTAX],
];

/** [file, what the probe does, code that breaks no rule] */
const clean: [string, string, string][] = [
  [CORE, 'imports zod/mini and its own layer', "import * as z from 'zod/mini';\nimport { foldWords } from './text/fold.ts';\nexport const s = z.string();\nexport const f = foldWords;"],
  [CORE, 'dynamically imports core', "export const load = () => import('./matcher/index.ts');"],
  [CORE, 'uses timers and globalThis for non-DOM things', 'export const later = (f: () => void) => setTimeout(f, 0);\nexport const clone = <T>(v: T): T => globalThis.structuredClone(v);'],
  [SCHEMA, 'imports zod/mini and a sibling schema', "import * as z from 'zod/mini';\nimport { LIMITS } from './prompt-set.ts';\nexport const s = z.string();\nexport const l = LIMITS;"],
  [CONTENT, 'imports core types and JSON data', "import type { Section } from '../core/schema/library.ts';\nimport sections from './library/sections.json';\nexport const s = sections as Section[];"],
  [DOM, 'imports core, types from schemas, and uses the DOM', "import type { PromptSet } from '../core/schema/prompt-set.ts';\nimport { rank } from '../core/matcher/index.ts';\nexport const r = rank;\nexport const t = (s: PromptSet) => document.title + s.id;"],
  [DOM, 'dynamically imports core', "export const load = () => import('../core/matcher/index.ts');"],
  [PLATFORM, 'uses wxt/browser and core', "import { browser } from 'wxt/browser';\nimport { SettingsSchema } from '../core/settings/settings.ts';\nexport const s = SettingsSchema;\nexport const id = () => browser.runtime.id;"],
  [COMPONENT, 'uses preact, content/, core and platform types', "import { useState } from 'preact/hooks';\nimport type { OptionsPlatform } from '../platform/options-platform.ts';\nimport { sections } from '../content/library/index.ts';\nimport { foldWords } from '../core/text/fold.ts';\nexport const A = (p: { platform: OptionsPlatform }) => {\n  const [n] = useState(sections.length);\n  return <div>{n}{foldWords('x').length}{String(p.platform)}{document.title}</div>;\n};"],
  [SURFACE, 'uses preact hooks and schema types', "import { useRef } from 'preact/hooks';\nimport type { PromptSet } from '../core/schema/prompt-set.ts';\nexport const A = (p: { set: PromptSet }) => {\n  const r = useRef<HTMLDivElement>(null);\n  return <div ref={r}>{p.set.id}</div>;\n};"],
  [CONTENT_ENTRY, 'wires wxt, dom/, platform/ and components/', "import { browser } from 'wxt/browser';\nimport { render } from 'preact';\nimport { createHost } from '../../dom/host.ts';\nimport { sendToBackground } from '../../platform/messages.ts';\nimport { PromptSurface } from '../../components/PromptSurface.tsx';\nexport const all = [browser, render, createHost, sendToBackground, PromptSurface];\nexport const load = () => import('../../dom/controller.ts');"],
  [ENTRY, 'uses zod-backed core, wxt, platform and components', "import { browser } from 'wxt/browser';\nimport { parseImport } from '../../core/prompt-sets/io.ts';\nimport { readEffective } from '../../platform/settings-store.ts';\nimport { SearchBox } from '../../components/SearchBox.tsx';\nexport const all = [browser, parseImport, readEffective, SearchBox];\nexport const load = () => import('../../platform/settings-store.ts');"],
  [CLI, 'imports core', "import { parseImport } from '../core/prompt-sets/io.ts';\nexport const p = parseImport;"],
];

describe('each layer rule fires', () => {
  test.each(violations.map(([file, what, code, rule]) => [file, what, rule, code] as const))('%s %s → %s', async (file, _what, rule, code) => {
    const found = await lint(file, code);
    expect(found.map((m) => m.rule), JSON.stringify(found)).toEqual([rule]);
  });
});

describe('clean code in each layer reports nothing', () => {
  test.each(clean)('%s %s', async (file, _what, code) => {
    expect(await lint(file, code)).toEqual([]);
  });
});

describe('files with their own block keep their folder rules', () => {
  // The message names the layer rule, so a block that replaced it (e.g. the content-script block
  // replacing dom/'s imports) would show up here even if some other restriction still fired.
  test.each([
    [DOM, "import { render } from 'preact';\nexport const r = render;", /sit below components/],
    [SURFACE, "import { browser } from 'wxt/browser';\nexport const b = browser;", /props in, callbacks out/],
    [SURFACE, "import * as z from 'zod/mini';\nexport const s = z.string();", /content script does not validate/],
    [CONTENT_ENTRY, "import * as z from 'zod/mini';\nexport const s = z.string();", /content script does not validate/],
    [SCHEMA, "import { render } from 'preact';\nexport const r = render;", /core\/ is pure TypeScript/],
  ])('%s: %s', async (file, code, message) => {
    const [found] = await lint(file, code);
    expect(found?.message).toMatch(message);
  });
});
