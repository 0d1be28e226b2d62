// Lint rules that keep the architecture honest: layers import only the layers before them,
// core has no DOM or browser APIs, and no product code can reach the network or run strings as code.
//
// Flat config REPLACES a rule (it does not merge it) when two blocks set it for the same file. So every
// product file gets exactly one block that sets the restricted-* rules, built by `layer()` below from
// small lists composed per folder; a folder that needs extra rules (the content-script files keep zod
// out of their bundle) gets its own block, carved out of its folder's block with `ignores`.
// tests/unit/lint/layers.test.ts lints one probe per rule and layer and proves each one fires.
import tseslint from 'typescript-eslint';

// ---- Everywhere in product code -------------------------------------------------------------------
const NETWORK_GLOBALS = [
  { name: 'fetch', message: 'Nothing leaves the machine: no network requests from product code.' },
  { name: 'XMLHttpRequest', message: 'Nothing leaves the machine.' },
  { name: 'WebSocket', message: 'Nothing leaves the machine.' },
  { name: 'EventSource', message: 'Nothing leaves the machine.' },
  { name: 'eval', message: 'No dynamic code.' },
];
const NETWORK_SYNTAX = [
  { selector: "CallExpression[callee.property.name='sendBeacon']", message: 'Nothing leaves the machine.' },
  { selector: "NewExpression[callee.name='Function']", message: 'No dynamic code.' },
  { selector: 'MemberExpression[property.name=/^(innerHTML|outerHTML)$/]', message: 'Render text, never HTML.' },
  { selector: "CallExpression[callee.property.name='insertAdjacentHTML']", message: 'Render text, never HTML.' },
  { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'Render text, never HTML.' },
  { selector: "CallExpression[callee.property.name='execCommand']", message: 'Never write into page fields.' },
  // A dynamic import must name its module literally, so that the layer rules below can check it.
  { selector: "ImportExpression:not([source.type='Literal'])", message: 'Dynamic import() takes a literal path, so the layer rules can check it.' },
];

// ---- What an import may name: each target once, as the gitignore-style groups that
// no-restricted-imports checks and as the regular expression that checks dynamic import() -------------
const target = (groups, re) => ({ groups, re });
const folder = (name) => target([`**/${name}`, `**/${name}/**`], `(^|\\/)${name}(\\/|$)`);
const pkg = (name) => target([name, `${name}/**`], `^${name.replace('/', '\\/')}(\\/|$)`);

const WXT = pkg('wxt'); // wxt, wxt/browser, wxt/utils/storage, wxt/utils/define-*…
const POLYFILL = target(['webextension-polyfill', 'webextension-polyfill/**', '@wxt-dev/**'], '^(webextension-polyfill|@wxt-dev\\/)');
const PREACT = target(['preact', 'preact/**', '@preact/**'], '^@?preact(\\/|$)');
const ZOD = pkg('zod');
const SCHEMAS = target(['**/core/schema/**'], '(^|\\/)core\\/schema\\/');
const [CONTENT, DOM, PLATFORM, COMPONENTS, ENTRYPOINTS] = ['content', 'dom', 'platform', 'components', 'entrypoints'].map(folder);

/** One restriction: these targets may not be imported (statically or dynamically), with this message. */
const ban = (targets, message, { allowTypeImports = false } = {}) => ({ targets, message, allowTypeImports });

// ---- What code may touch ---------------------------------------------------------------------------
const BROWSER_GLOBALS = ['chrome', 'browser'];
const DOM_GLOBALS = ['window', 'self', 'document', 'navigator', 'location', 'history', 'localStorage', 'sessionStorage', 'indexedDB'];
/** `globalThis.document` and friends: the same globals reached as properties of the global object. */
const viaGlobalThis = (names, message) => names.map((property) => ({ object: 'globalThis', property, message }));

// ---- Per-layer rule lists --------------------------------------------------------------------------
const CORE = {
  imports: [ban([WXT, POLYFILL, PREACT, CONTENT, DOM, PLATFORM, COMPONENTS, ENTRYPOINTS], 'core/ is pure TypeScript: it imports nothing above it and no browser APIs.')],
  globals: [...DOM_GLOBALS, ...BROWSER_GLOBALS].map((name) => ({ name, message: 'core/ is pure TypeScript: no DOM or browser APIs.' })),
  properties: viaGlobalThis([...DOM_GLOBALS, ...BROWSER_GLOBALS], 'core/ is pure TypeScript: no DOM or browser APIs.'),
  syntax: [{ selector: "MemberExpression[object.name='globalThis'][computed=true]", message: 'core/ is pure TypeScript: name what you take from globalThis.' }],
};
/** The schemas are core's foundation: they import nothing else in core (the error wording sits beside them). */
const SCHEMA = {
  imports: [ban([target(['../*', '../**'], '^\\.\\.\\/')], 'core/schema/ depends on nothing else in core: the rest of core builds on it.')],
};
const CONTENT_LAYER = {
  imports: [ban([WXT, POLYFILL, PREACT, DOM, PLATFORM, COMPONENTS, ENTRYPOINTS], 'content/ is data: it imports only core/.')],
  globals: [...DOM_GLOBALS, ...BROWSER_GLOBALS].map((name) => ({ name, message: 'content/ is data: no DOM or browser APIs.' })),
  properties: viaGlobalThis([...DOM_GLOBALS, ...BROWSER_GLOBALS], 'content/ is data: no DOM or browser APIs.'),
};
const BELOW_COMPONENTS = ban([PREACT, COMPONENTS, ENTRYPOINTS], 'dom/ and platform/ sit below components/ and entrypoints/.');
const DOM_LAYER = {
  // dom/ (page side) and platform/ (extension adapters) are siblings: dom/ does not import platform/ today.
  imports: [BELOW_COMPONENTS, ban([PLATFORM], 'dom/ is the page side: it does not import platform/ (browser APIs stay there).')],
};
const PLATFORM_LAYER = {
  imports: [BELOW_COMPONENTS, ban([DOM], 'platform/ is thin adapters: it does not import dom/ (the page side).')],
};
const PROPS_IN = 'Components are props in, callbacks out: browser APIs stay in platform/ and entrypoints/.';
const COMPONENTS_LAYER = {
  imports: [
    ban([ENTRYPOINTS], 'components/ never import entrypoints.'),
    // Type-only imports of platform types (e.g. the OptionsPlatform interface a component is given) stay allowed.
    ban([WXT, POLYFILL, PLATFORM], PROPS_IN, { allowTypeImports: true }),
  ],
  globals: BROWSER_GLOBALS.map((name) => ({ name, message: PROPS_IN })),
  properties: ['globalThis', 'window', 'self'].flatMap((object) => BROWSER_GLOBALS.map((property) => ({ object, property, message: PROPS_IN }))),
};
/** The files bundled into the content script (dom/, its surface, its entrypoint) do not validate. */
const CONTENT_SCRIPT = {
  imports: [ban([ZOD, SCHEMAS], 'The content script does not validate: keep zod and the schemas out of its bundle (types only).', { allowTypeImports: true })],
};

// ---- Composition -----------------------------------------------------------------------------------
/** Merge rule lists (a layer's own, plus e.g. the content-script list) into one. */
const merge = (...lists) => ({
  imports: lists.flatMap((l) => l.imports ?? []),
  globals: lists.flatMap((l) => l.globals ?? []),
  properties: lists.flatMap((l) => l.properties ?? []),
  syntax: lists.flatMap((l) => l.syntax ?? []),
});
const dynamicImportSelector = ({ targets, message }) => ({
  selector: `ImportExpression[source.value=/${targets.map((t) => t.re).join('|')}/]`,
  message,
});
/** The one block that sets every restricted-* rule for these files: the network rules plus `lists`. */
function layer(files, ignores, ...lists) {
  const { imports, globals, properties, syntax } = merge(...lists);
  return {
    files,
    ignores,
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: imports.map(({ targets, message, allowTypeImports }) => ({ group: targets.flatMap((t) => t.groups), message, allowTypeImports })) },
      ],
      'no-restricted-globals': ['error', ...NETWORK_GLOBALS, ...globals],
      'no-restricted-properties': ['error', ...properties],
      'no-restricted-syntax': ['error', ...NETWORK_SYNTAX, ...imports.map(dynamicImportSelector), ...syntax],
    },
  };
}

const SURFACE = 'components/PromptSurface.tsx';
const CONTENT_ENTRY = 'entrypoints/prompts.content/**';

export default tseslint.config(
  { ignores: ['.tmp/**', '.output/**', '.wxt/**', 'node_modules/**', 'reports/**', 'test-results/**', 'playwright-report/**', 'tests/fixtures/**/.build/**', 'tests/fixtures/editors/vendor/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-empty-object-type': 'off',
    },
  },
  // Exactly one of these blocks matches each product file.
  layer(['core/**'], ['core/schema/**'], CORE),
  layer(['core/schema/**'], [], CORE, SCHEMA),
  layer(['content/**'], [], CONTENT_LAYER),
  layer(['dom/**'], [], DOM_LAYER, CONTENT_SCRIPT),
  layer(['platform/**'], [], PLATFORM_LAYER),
  layer(['components/**'], [SURFACE], COMPONENTS_LAYER),
  layer([SURFACE], [], COMPONENTS_LAYER, CONTENT_SCRIPT),
  layer(['entrypoints/**'], [CONTENT_ENTRY], {}),
  layer([CONTENT_ENTRY], [], CONTENT_SCRIPT),
  layer(['cli/**'], [], {}),
  {
    files: ['tests/**', 'scripts/**', 'bench/**', 'vite-plugins/**', '*.config.*'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
);
