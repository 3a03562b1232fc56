// ESLint flat config: typescript-eslint's recommended rules and the rules of Microsoft's
// eslint-plugin-office-addins (the habits Office-Addin-Scripts' `office-addin-lint` checks:
// no context.sync in loops, load before read, isNullObject for null tests). Formatting is
// Prettier's job (`prettier --check`, run by `npm run lint`), so eslint-config-prettier turns off
// the stylistic rules that would fight it.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import officeAddins from 'eslint-plugin-office-addins';
import prettierOff from 'eslint-config-prettier';
import globals from 'globals';

export default tseslint.config(
  {
    ignores: [
      'dist/',
      'out/',
      'coverage/',
      'test-results/',
      'reports/',
      '.stryker-tmp/',
      'node_modules/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  prettierOff,
  {
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: 'module',
      globals: {
        ...globals.node,
        ...globals.browser,
        ...globals.jest,
        Office: 'readonly',
        Excel: 'readonly',
        CustomFunctions: 'readonly',
        OfficeRuntime: 'readonly',
      },
    },
    plugins: { 'office-addins': officeAddins },
    rules: {
      'office-addins/call-sync-after-load': 'error',
      'office-addins/call-sync-before-read': 'error',
      'office-addins/load-object-before-read': 'error',
      'office-addins/no-context-sync-in-loop': 'error',
      'office-addins/no-empty-load': 'error',
      'office-addins/no-navigational-load': 'error',
      'office-addins/no-office-initialize': 'error',
      'office-addins/test-for-null-using-isNullObject': 'error',
      'no-eval': 'error',
      'no-new-func': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
    },
  },
  {
    // Custom functions declare `any` on purpose: custom-functions-metadata-plugin maps a parameter
    // typed any[][] to Excel's "any" type (numbers, text, booleans and blanks in one range). The
    // simulated host mirrors Office.js's own typings (values: any[][]) so the adapter compiles
    // against it unchanged. The Office.js mock in the tests is untyped by its library.
    files: ['src/functions/functions.ts', 'src/sim/**', 'test/taskpane/adapter-mock.test.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // The load/sync rules follow one function's flow: they are for code that drives Office.js.
    // The simulation implements those objects and its tests read them unloaded on purpose
    // (that must throw); exceljs's objects (src/xlsx) are not Office.js proxies.
    files: ['src/sim/**', 'src/xlsx/**', 'src/preview/**', 'test/sim/**', 'scripts/**'],
    rules: {
      'office-addins/call-sync-after-load': 'off',
      'office-addins/call-sync-before-read': 'off',
      'office-addins/load-object-before-read': 'off',
      'office-addins/no-navigational-load': 'off',
    },
  },
  {
    // The bin/ launchers and the configs are CommonJS files run by Node as they are.
    files: ['**/*.js', '**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
