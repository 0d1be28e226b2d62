// Lint rules that keep the architecture honest: layers import only the layers before them,
// core has no DOM or browser APIs, and no product code can reach the network or run strings as code.
import tseslint from 'typescript-eslint';

const NETWORK = [
  { name: 'fetch', message: 'Nothing leaves the machine: no network requests from product code.' },
  { name: 'XMLHttpRequest', message: 'Nothing leaves the machine.' },
  { name: 'WebSocket', message: 'Nothing leaves the machine.' },
  { name: 'EventSource', message: 'Nothing leaves the machine.' },
  { name: 'eval', message: 'No dynamic code.' },
];
const NETWORK_SYNTAX = [
  { selector: "CallExpression[callee.property.name='sendBeacon']", message: 'Nothing leaves the machine.' },
  { selector: "NewExpression[callee.name='Function']", message: 'No dynamic code.' },
  { selector: "MemberExpression[property.name=/^(innerHTML|outerHTML)$/]", message: 'Render text, never HTML.' },
  { selector: "CallExpression[callee.property.name='insertAdjacentHTML']", message: 'Render text, never HTML.' },
  { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'Render text, never HTML.' },
  { selector: "CallExpression[callee.property.name='execCommand']", message: 'Never write into page fields.' },
];
const layer = (patterns, message) => ({ patterns: patterns.map((group) => ({ group, message })) });

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
  {
    files: ['core/**', 'content/**', 'dom/**', 'platform/**', 'components/**', 'entrypoints/**', 'cli/**'],
    rules: { 'no-restricted-globals': ['error', ...NETWORK], 'no-restricted-syntax': ['error', ...NETWORK_SYNTAX] },
  },
  {
    files: ['core/**'],
    rules: {
      'no-restricted-globals': ['error', ...NETWORK, 'window', 'document', 'navigator', 'chrome', 'browser', 'localStorage', 'location'],
      'no-restricted-imports': ['error', layer([['wxt/*', 'wxt', 'preact', 'preact/*', '**/content/**', '**/dom/**', '**/platform/**', '**/components/**', '**/entrypoints/**']], 'core/ is pure TypeScript: it imports nothing above it and no browser APIs.')],
    },
  },
  {
    files: ['content/**'],
    rules: { 'no-restricted-imports': ['error', layer([['wxt/*', 'preact', 'preact/*', '**/dom/**', '**/platform/**', '**/components/**', '**/entrypoints/**']], 'content/ is data: it imports only core/.')] },
  },
  {
    files: ['dom/**', 'platform/**'],
    rules: { 'no-restricted-imports': ['error', layer([['preact', 'preact/*', '**/components/**', '**/entrypoints/**']], 'dom/ and platform/ sit below components/ and entrypoints/.')] },
  },
  {
    files: ['components/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/entrypoints/**'], message: 'components/ never import entrypoints.' },
            { group: ['wxt/browser', 'webextension-polyfill', '**/platform/**'], allowTypeImports: true, message: 'Components are props in, callbacks out: browser APIs stay in platform/ and entrypoints/.' },
          ],
        },
      ],
    },
  },
  {
    files: ['dom/**', 'entrypoints/prompts.content/**', 'components/PromptSurface.tsx'],
    rules: { 'no-restricted-imports': ['error', { paths: [{ name: 'zod', message: 'Keep zod classic out of the content-script bundle.' }] , patterns: [{ group: ['**/core/schema/**', 'zod', 'zod/*'], allowTypeImports: true, message: 'The content script does not validate: keep schemas out of its bundle (types only).' }] }] },
  },
  {
    files: ['tests/**', 'scripts/**', 'bench/**', 'build/**', '*.config.*'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
);
