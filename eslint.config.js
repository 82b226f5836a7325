// Lint enforces the dependency direction of ARCHITECTURE.md section 8 and keeps the domain core pure.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import importPlugin from 'eslint-plugin-import';
import globals from 'globals';

const layer = (target, from, message) => ({ target, from, message });

const zones = [
  layer('./src/domain', ['./src/api', './src/data', './src/store', './src/worker', './src/web', './src/server', './src/contracts', './sharepoint-lists', './scripts'], 'The domain core imports nothing outside src/domain.'),
  layer('./src/contracts', ['./src/api', './src/data', './src/store', './src/worker', './src/web', './src/server'], 'Contracts may import only the domain.'),
  layer('./src/web', ['./src/api', './src/data', './src/store', './src/worker', './src/server', './sharepoint-lists', './scripts'], 'The tab reads and writes only through the service API (src/web/api-client).'),
  layer('./src/api', ['./src/web', './src/store', './src/server', './scripts'], 'The API never imports the tab or the local store.'),
  layer('./src/data', ['./src/web', './src/api', './src/store', './src/worker', './src/server', './scripts'], 'The Graph adapter sits below the API.'),
  layer('./src/store', ['./src/web', './src/api', './src/data', './src/worker', './src/server', './src/domain', './scripts'], 'The local store emulates Graph and SharePoint; it knows no ticket rules.'),
  layer('./src/worker', ['./src/web', './src/store', './src/server', './scripts'], 'The worker runs jobs through the domain, data and API layers.'),
  layer('./sharepoint-lists', ['./src', './scripts'], 'List schemas are plain declarations.'),
];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', '.data/**', '.tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    plugins: { import: importPlugin },
    settings: { 'import/resolver': { node: { extensions: ['.ts', '.tsx', '.js'] } } },
    rules: {
      'import/no-restricted-paths': ['error', { zones }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
    },
  },
  {
    // Tests read loosely typed JSON answers.
    files: ['tests/**/*.ts', '**/*.test.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['src/domain/**/*.ts'],
    ignores: ['src/domain/**/*.test.ts'],
    rules: {
      'no-restricted-globals': ['error', 'window', 'document', 'fetch', 'localStorage', 'sessionStorage', 'process', 'setTimeout', 'setInterval'],
      'no-restricted-syntax': [
        'error',
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'The domain takes time as an argument.' },
        { selector: "MemberExpression[object.name='Date'][property.name='now']", message: 'The domain takes time as an argument.' },
        { selector: "MemberExpression[object.name='Math'][property.name='random']", message: 'The domain is deterministic.' },
      ],
    },
  },
);
