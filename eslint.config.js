import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const PURE =
  'Models, data and kernels are pure: no React, no store, no DOM, no lab, app, ui or engine (DESIGN.md).';

export default tseslint.config(
  {
    ignores: [
      'dist',
      'node_modules',
      'public',
      'test-results',
      'playwright-report',
      '.tmp',
      'bench/results',
      'bench/dist',
      'kernels', // AssemblyScript, compiled by scripts/build-kernels.mjs
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
    },
  },
  // Layering (DESIGN.md "Layers"): data flows core -> models/data -> engine -> labs -> app.
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: '^(react|react-dom|zustand)(/|$)', message: PURE },
            { regex: '^\\.\\./', message: 'src/core imports nothing of ours.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/models/**/*.ts', 'src/data/**/*.ts', 'src/kernels/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: '^(react|react-dom|zustand)(/|$)', message: PURE },
            { regex: '(^|/)(labs|app|ui|engine)(/|$)', message: PURE },
          ],
        },
      ],
    },
  },
  {
    files: ['src/labs/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^\\.\\./[^.]|(^|/)labs/',
              message:
                'A lab never imports another lab: move what both need to engine/, ui/ or models/.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['cli/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '(^|/)src/(labs|app|ui)(/|$)',
              message:
                'The command line runs models, not labs: import from src/models or src/engine.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['scripts/**/*.mjs'],
    languageOptions: { globals: globals.node },
  },
);
