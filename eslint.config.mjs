import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';

// The layers of docs/architecture.md, enforced: each folder names what it must not import.
const CDK8S = [
  {
    group: ['cdk8s', 'cdk8s/*', 'constructs', 'constructs/*', 'cdk8s-plus-*'],
    message: 'this layer is pure: no cdk8s',
  },
  {
    group: ['**/imports/*', '**/imports'],
    message: 'generated cdk8s classes and schemas belong to src/constructs',
  },
];
const layer = (files, forbidden) => ({
  files,
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          ...CDK8S,
          ...forbidden.map((dir) => ({
            group: [`../${dir}`, `../${dir}/*`, `../../${dir}`, `../../${dir}/*`],
            message: `docs/architecture.md: this layer does not import src/${dir}`,
          })),
        ],
      },
    ],
  },
});

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'lib/',
      'dist/',
      'imports/',
      'coverage/',
      'bin/',
      '*.config.js',
      '.bench/',
      '.scratch/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  prettier,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  layer(['src/policy/**/*.ts'], ['deckhouse', 'constructs', 'replay', 'cli']),
  layer(['src/deckhouse/**/*.ts'], ['constructs', 'replay', 'cli']),
  layer(['src/replay/**/*.ts'], ['constructs', 'cli']),
  layer(['src/cli/**/*.ts'], ['constructs']),
  {
    files: ['src/constructs/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['../cli', '../cli/*', '../replay', '../replay/*'],
              message: 'constructs do not import the CLI or replay',
            },
          ],
        },
      ],
    },
  },
  // Plain CommonJS run by plain node: the replay benchmark's child (bench/replay-child.js says why) and the
  // app runner of cdk8s.yaml (scripts/run-app.cjs: it must start before any TypeScript loader).
  {
    files: ['bench/*.js', 'scripts/*.cjs'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: {
        require: 'readonly',
        process: 'readonly',
        __dirname: 'readonly',
        __filename: 'readonly',
      },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
