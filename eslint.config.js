// ESLint flat config: typescript-eslint's type-aware recommended rules, plus the house rules that a
// linter can check (console only in the CLI entry, no process.env outside config.ts).
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'data/**',
      'scratch/**',
      'e2e/screenshots/**',
      '.vitest/**',
      'bench/out/**',
    ],
  },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'error',
      'no-restricted-properties': [
        'error',
        { object: 'process', property: 'env', message: 'Read configuration through src/server/config.ts.' },
      ],
    },
  },
  {
    files: ['src/server/config.ts', 'src/test/**', 'scripts/**', 'e2e/**', 'bench/**', '**/*.test.ts'],
    rules: { 'no-restricted-properties': 'off' },
  },
  {
    files: ['scripts/**', 'bench/**', 'src/web/i18n/I18nProvider.tsx', '**/*.test.ts'],
    rules: { 'no-console': 'off' },
  },
  { files: ['bin/**', '*.config.ts', 'eslint.config.js'], ...tseslint.configs.disableTypeChecked },
);
