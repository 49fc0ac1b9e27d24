import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';

const ELECTRON_EDGE =
  'Electron is imported only in src/main/adapters/electron/, src/main/index.ts and src/preload/: use a port.';

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'coverage/**', 'docs/screenshots/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    // Type-aware rules for the app's own code: a promise nobody awaits loses its rejection, so each
    // one is awaited, handled, or handed to runDetached (src/main/detached.ts, src/renderer/detached.ts).
    files: ['src/**/*.{ts,tsx}'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': ['error', { ignoreVoid: false }],
      '@typescript-eslint/no-misused-promises': 'error',
    },
  },
  {
    // Electron is an allow-list, not a deny-list: the code behind it stays testable without the
    // Electron binary. Type-only imports are erased at build time, so a pure policy may name an
    // Electron type (windows/shell-policy.ts builds a menu template).
    files: ['src/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: ELECTRON_EDGE, allowTypeImports: true }],
          patterns: [{ group: ['electron/*'], message: ELECTRON_EDGE, allowTypeImports: true }],
        },
      ],
    },
  },
  {
    files: ['src/main/adapters/electron/**', 'src/main/index.ts', 'src/preload/**'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    // No import cycles: a module reached from itself cannot be understood, or tested, alone.
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/extensions': ['.ts', '.tsx'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js'] })],
    },
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      // One order for imports, so a file's dependencies read the same way everywhere: Node's own,
      // then packages, then the project's, farther folders before nearer ones (--fix sorts them).
      'import-x/order': [
        'error',
        {
          groups: ['builtin', 'external', 'parent', 'sibling', 'index'],
          'newlines-between': 'never',
          alphabetize: { order: 'asc', caseInsensitive: true },
        },
      ],
    },
  },
  {
    // Page code talks to main only through the preload's named functions.
    files: ['src/renderer/**/*.{ts,tsx}', 'test/renderer/**/*.{ts,tsx}', 'test/e2e/page-bridge.ts'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'electron', message: 'The renderer is sandboxed: use window.haTray.' }] },
      ],
    },
  },
);
