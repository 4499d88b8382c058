import js from '@eslint/js'
import pluginQuery from '@tanstack/eslint-plugin-query'
import reactHooks from 'eslint-plugin-react-hooks'
import reactRefresh from 'eslint-plugin-react-refresh'
import globals from 'globals'
import tseslint from 'typescript-eslint'

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'playwright-report', 'test-results', 'coverage'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['src/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
    plugins: { 'react-hooks': reactHooks, 'react-refresh': reactRefresh },
    extends: [...pluginQuery.configs['flat/recommended']],
    rules: {
      ...reactHooks.configs.recommended.rules,
      'react-refresh/only-export-components': [
        'warn',
        { allowConstantExport: true, allowExportNames: ['buttonVariants', 'badgeVariants', 'tdClass', 'useActionsMenu', 'useSession', 'useScalewayClient'] },
      ],
      // The SDK client carries the secret: it is deliberately never part of a query key.
      // The cache is cleared whenever the session changes instead.
      '@tanstack/query/exhaustive-deps': ['error', { allowlist: { types: ['Client'], variables: ['client'] } }],
      // The secret must never be printed; the app has no reason to log.
      'no-console': ['error', { allow: ['error'] }],
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[object.name='localStorage']",
          message: 'Nothing of the session may go to localStorage; use sessionStorage via features/session.',
        },
        {
          selector: "MemberExpression[property.name='localStorage']",
          message: 'Nothing of the session may go to localStorage; use sessionStorage via features/session.',
        },
        {
          selector: "MemberExpression[object.name='document'][property.name='cookie']",
          message: 'The console never uses cookies.',
        },
      ],
    },
  },
  {
    // Tests may read storage to prove nothing landed there.
    files: ['src/**/*.test.{ts,tsx}'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    // Features import shared layers and never another feature's internals.
    files: ['src/features/**/*.{ts,tsx}'],
    ignores: ['**/*.test.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@/app/*', '@/app'], message: 'app/ composes features; features never import it.' },
            { group: ['@/features/*/*'], message: 'Import another feature through its index, never its internals.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/lib/**/*.{ts,tsx}', 'src/components/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['@/features/*', '@/app/*'], message: 'Shared layers must not depend on features or app.' }] },
      ],
    },
  },
  {
    files: ['emulator/**/*.ts', 'e2e/**/*.ts', 'scripts/**/*.ts', 'bench/**/*.ts', '*.config.{js,ts}'],
    languageOptions: { globals: globals.node },
  },
  {
    files: ['emulator/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/src/*', '@/*'], message: 'The emulator stands alone: no imports from src/.' }] }],
    },
  },
)
