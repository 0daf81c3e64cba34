// ESLint flat config: `npm run lint` (with dependency-cruiser for the layering rules, see
// .dependency-cruiser.cjs). Type-aware typescript-eslint rules for every TypeScript file, and
// eslint-plugin-regexp for every regular expression: a regex that sees user text must be linear.
// Formatting is Prettier's job (`npm run format:check`), not ESLint's.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import regexp from 'eslint-plugin-regexp';
import globals from 'globals';

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      'dist/**',
      'out/**',
      '.cache/**',
      '.vscode-test/**',
      'src/core/generated/**',
      'bench/.work/**',
      'bench/results/**',
      'test/fixtures/**',
    ],
  },
  js.configs.recommended,
  regexp.configs['flat/recommended'],
  {
    rules: {
      // Exponential and polynomial backtracking: errors, not the preset's warnings.
      'regexp/no-super-linear-backtracking': 'error',
      'regexp/no-super-linear-move': 'error',
      // Turned off: these rules only restyle a regex that is already correct and linear ([0-9] vs
      // \d, [A-Za-z] vs the i flag, a redundant escape, a capturing group never read, a run of
      // spaces). Turning them on would rewrite regexes in files five engineers are editing at once;
      // worth revisiting with --fix after the one-off reformat.
      'regexp/prefer-d': 'off',
      'regexp/prefer-w': 'off',
      'regexp/use-ignore-case': 'off',
      'regexp/no-useless-escape': 'off',
      'no-useless-escape': 'off',
      'regexp/no-unused-capturing-group': 'off',
      'regexp/control-character-escape': 'off',
      'regexp/no-useless-character-class': 'off',
      'regexp/no-useless-non-capturing-group': 'off',
      'regexp/prefer-character-class': 'off',
      'regexp/optimal-quantifier-concatenation': 'off',
      'no-regex-spaces': 'off',
      // Turned off: this project matches control characters on purpose, all over (terminal, CI and
      // webview output neutralise them; the fast YAML path refuses them); the rule flags exactly that.
      'no-control-regex': 'off',
    },
  },
  {
    files: ['**/*.ts'],
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      // Unused names are the compiler's job (noUnusedLocals); `_`-prefixed parameters mark
      // callbacks that must keep a position.
      '@typescript-eslint/no-unused-vars': ['error', { args: 'none', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // The lazily loaded bundles are loaded with a computed require() on purpose (see
      // src/extension/lazy.ts): esbuild must not follow it into the main bundle.
      '@typescript-eslint/no-require-imports': 'off',
    },
  },
  {
    // Turned off in tests, bench and scripts: they read JSON (CLI output, SARIF, package.json,
    // bench results) and assert on its shape; the assertions catch a wrong shape, and typing every
    // such document would add declarations nobody reads. Product code (src/, media/) keeps them.
    files: ['test/**/*.ts', 'bench/**/*.ts', 'scripts/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      // Test doubles and bench steps implement async interfaces with async functions that have
      // nothing to await; product code keeps the rule.
      '@typescript-eslint/require-await': 'off',
    },
  },
  {
    files: ['**/*.js', '**/*.cjs', '**/*.mjs'],
    languageOptions: { globals: { ...globals.node } },
  },
);
