// The architecture, machine-checked (`npm run lint`, and test/unit/architecture.test.ts proves each
// rule fails on a deliberate violation). Layers, inner to outer:
//   src/core        pure TypeScript: every analysis; no editor, no Node, no CLI.
//   src/extension   thin VS Code adapters: one place per feature, plus shared services and util/.
//   src/cli         the command-line tools.
//   media           webview pages, which talk to the extension only through their protocol.
'use strict';

/** Modules of src/extension that are not features: the entry points, shared services and util/. */
const EXTENSION_SHARED = [
  '^src/extension/(extension|web|activate)\\.ts$',
  '^src/extension/(featureContext|handbookWorkspace|builtinHandbook|testApi)\\.ts$',
  '^src/extension/lazyModules\\.json$',
  '^src/extension/util/',
];

module.exports = {
  forbidden: [
    {
      name: 'core-is-pure',
      comment:
        'src/core runs in every host (VS Code desktop and web, the CLI, workers): no editor API, no Node built-ins, nothing of the layers above it.',
      severity: 'error',
      from: { path: '^src/core/' },
      to: {
        path: ['^vscode$', '^src/extension/', '^src/cli/', '^media/'],
      },
    },
    {
      name: 'core-no-node',
      comment: 'src/core must not import Node built-ins (fs, path, worker_threads, ...): the web extension host has none.',
      severity: 'error',
      from: { path: '^src/core/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'feature-not-to-feature',
      comment:
        'An extension feature does not import another feature: what two features share lives in src/extension/util/ (or in a shared service, or in src/core). A feature is a file of src/extension (or of its sub-folders) outside util/, the entry points and the shared services; a feature folder src/extension/features/NAME/ is one feature.',
      severity: 'error',
      from: { path: '^src/extension/', pathNot: [...EXTENSION_SHARED, '^src/extension/features/'] },
      to: { path: '^src/extension/', pathNot: EXTENSION_SHARED },
    },
    {
      name: 'feature-not-to-feature',
      comment: 'The same for a feature folder src/extension/features/NAME/: its files import one another, and no other feature.',
      severity: 'error',
      from: { path: '^src/extension/features/([^/]+)/' },
      to: { path: '^src/extension/', pathNot: [...EXTENSION_SHARED, '^src/extension/features/$1/'] },
    },
    {
      name: 'util-not-to-feature',
      comment:
        'src/extension/util/ holds helpers every feature may use; it imports no feature (a helper that needs a feature belongs to that feature).',
      severity: 'error',
      from: { path: '^src/extension/util/' },
      to: { path: '^src/extension/', pathNot: EXTENSION_SHARED },
    },
    {
      name: 'cli-not-to-extension',
      comment: 'The CLIs run without VS Code: src/cli imports nothing of src/extension (nor vscode).',
      severity: 'error',
      from: { path: '^src/cli/' },
      to: { path: ['^src/extension/', '^vscode$'] },
    },
    {
      name: 'webview-only-its-protocol',
      comment:
        'A webview page (media/NAME.ts) reaches the rest of the code only through its message protocol, src/core/protocol/NAMEProtocol.ts (and the shared page kit, media/shared/).',
      severity: 'error',
      from: { path: '^media/([^/]+)\\.ts$' },
      to: { path: '^(src|media)/', pathNot: ['^src/core/protocol/$1Protocol\\.ts$', '^media/$1/', '^media/shared/'] },
    },
    {
      name: 'webview-shared-imports-nothing',
      comment:
        'media/shared/ holds what every page uses (the DOM kit, the VS Code API handle): plain DOM code that imports nothing of the extension, the core or a page.',
      severity: 'error',
      from: { path: '^media/shared/' },
      to: { path: '^(src|media)/', pathNot: ['^media/shared/'] },
    },
    {
      name: 'nothing-imports-tests',
      comment: 'Product code never imports test code or scripts.',
      severity: 'error',
      from: { path: '^(src|media)/' },
      to: { path: '^(test|scripts|bench)/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // Type-only imports count too: a type import is still a dependency between layers.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.js', '.json', '.md'],
    },
    exclude: { path: ['^src/core/generated/', '^node_modules/'] },
  },
};
