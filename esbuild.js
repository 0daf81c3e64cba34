// Bundles the extension (node and web), the CLIs and the integration tests. `--production`
// minifies; `--watch` rebuilds on change. Type-checking is separate: `npm run typecheck`.
'use strict';
const esbuild = require('esbuild');
const fs = require('fs');
const path = require('path');

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
const pkg = require('./package.json');

require('./scripts/build-validator');

/**
 * `yaml` ships CommonJS for Node and the same code as ES modules for everything else. Every bundle
 * takes the ES modules: esbuild can then drop what we do not use (a sixth of the package), and the
 * lazily loaded bundles carry only the few helpers they need instead of a copy of the whole parser.
 * (The two builds differ only in how they print warnings, which we silence, and in base64 tags.)
 */
const yamlAsEsm = {
  name: 'yaml-as-esm',
  setup(build) {
    const esm = require.resolve('yaml/package.json').replace(/package\.json$/, 'browser/index.js');
    build.onResolve({ filter: /^yaml$/ }, () => ({ path: esm }));
  },
};

/**
 * `wink-porter2-stemmer` is CommonJS with no `sideEffects` field, so esbuild kept it in every bundle
 * that reaches core/tokens.ts, even where nothing stems: the main extension bundle reaches it only
 * for `effectiveResponsibilities` (hovers, the Roles tree); the comparison, the lookup and the map,
 * which stem, are loaded on first use. The module only defines its tables and a function: say so.
 */
const stemmerWithoutSideEffects = {
  name: 'stemmer-without-side-effects',
  setup(build) {
    const file = require.resolve('wink-porter2-stemmer');
    build.onResolve({ filter: /^wink-porter2-stemmer$/ }, () => ({ path: file, sideEffects: false }));
  },
};

/**
 * The modules the extension loads on first use (src/extension/util/lazy.ts): name → source. Each is
 * built into dist/lazy/NAME.js; the Node bundle requires that file where the source says
 * `require('./that/module')`, instead of carrying the module.
 */
const LAZY_MODULES = require('./src/extension/lazyModules.json');

/** In the bundle at `outdir`, a require() of a lazy module becomes a require of its dist/lazy/ file. */
function lazyModulesExternal(outdir) {
  const bySource = new Map(
    Object.entries(LAZY_MODULES).map(([name, source]) => [path.resolve(__dirname, source).replace(/\.ts$/, ''), name]),
  );
  return {
    name: 'lazy-modules',
    setup(build) {
      build.onResolve({ filter: /^\./ }, (args) => {
        const target = path.resolve(args.resolveDir, args.path).replace(/\.ts$/, '');
        const name = bySource.get(target) ?? bySource.get(path.join(target, 'index'));
        if (!name) return undefined;
        if (args.kind !== 'require-call') {
          return {
            errors: [
              {
                text: `${args.path} is loaded on first use (src/extension/lazyModules.json): require() it inside a function (see src/extension/util/lazy.ts), do not import it`,
              },
            ],
          };
        }
        const file = path
          .relative(outdir, path.join(__dirname, 'dist', 'lazy', `${name}.js`))
          .split(path.sep)
          .join('/');
        return { path: file.startsWith('.') ? file : `./${file}`, external: true };
      });
    },
  };
}

const common = {
  bundle: true,
  plugins: [yamlAsEsm, stemmerWithoutSideEffects],
  minify: production,
  // Folds build-time constants such as __WEB__ even in development builds.
  minifySyntax: true,
  sourcemap: !production,
  sourcesContent: false,
  logLevel: 'warning',
  loader: { '.md': 'text' },
  define: { __VERSION__: JSON.stringify(pkg.version) },
};

/** Entry points that exist (features arrive issue by issue). */
const existing = (entries) => entries.filter((e) => fs.existsSync(path.join(__dirname, e.in)));

const builds = [
  {
    ...common,
    entryPoints: ['src/extension/extension.ts'],
    outfile: 'dist/extension.js',
    plugins: [...common.plugins, lazyModulesExternal(path.join(__dirname, 'dist'))],
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode'],
    define: { ...common.define, __WEB__: 'false' },
  },
  {
    // What the Node extension loads on first use: the table src/extension/lazyModules.json (engine
    // modules, panels and command implementations; these require 'vscode' like the main bundle).
    ...common,
    entryPoints: Object.entries(LAZY_MODULES).map(([out, source]) => ({ in: source, out })),
    outdir: 'dist/lazy',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode'],
    define: { ...common.define, __WEB__: 'false' },
  },
  {
    ...common,
    entryPoints: ['src/extension/web.ts'],
    outfile: 'dist/web/extension.js',
    platform: 'browser',
    format: 'cjs',
    target: 'es2022',
    external: ['vscode'],
    mainFields: ['browser', 'module', 'main'],
    define: { ...common.define, __WEB__: 'true' },
  },
  {
    ...common,
    entryPoints: existing([
      { in: 'src/cli/handbook-lint.ts', out: 'handbook-lint' },
      { in: 'src/cli/handbook-import.ts', out: 'handbook-import' },
      { in: 'src/cli/handbook-diff.ts', out: 'handbook-diff' },
    ]),
    outdir: 'dist/cli',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
  },
  ...existing([
    { in: 'media/compare.ts' },
    { in: 'media/map.ts' },
    { in: 'media/org.ts' },
    { in: 'media/ladder.ts' },
    { in: 'media/diff.ts' },
  ]).map((e) => ({
    ...common,
    entryPoints: [e.in],
    outdir: 'dist/media',
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
  })),
  // Integration tests: index.ts (the run() entry) and every test/integration/**/*.test.ts, each
  // bundled on its own into out/test/integration/ (same sub-folders); index.ts finds them at run
  // time, so a new test file needs no registration here.
  ...existing([{ in: 'test/integration/index.ts' }]).map((e) => ({
    ...common,
    minify: false,
    entryPoints: [e.in, ...integrationTests()],
    outbase: 'test/integration',
    outdir: 'out/test/integration',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode', 'mocha'],
  })),
  // The web suite (scripts/real-vscode/web-suite.ts): runs inside the browser's web worker
  // extension host, so it is bundled for the browser with everything but `vscode` inlined.
  ...existing([{ in: 'test/web/index.ts' }]).map((e) => ({
    ...common,
    minify: false,
    entryPoints: [e.in],
    outfile: 'out/test/web/index.js',
    platform: 'browser',
    format: 'cjs',
    target: 'es2022',
    external: ['vscode'],
  })),
];

/** Bundles of deleted or moved test files must not run (a file at a time: other runs may be reading). */
function removeStaleIntegrationBundles(dir = 'out/test/integration') {
  const abs = path.join(__dirname, dir);
  if (!fs.existsSync(abs)) return;
  for (const e of fs.readdirSync(abs, { withFileTypes: true })) {
    const rel = `${dir}/${e.name}`;
    if (e.isDirectory()) removeStaleIntegrationBundles(rel);
    if (!e.isFile() || !/\.test\.js(\.map)?$/.test(e.name)) continue;
    const source = rel.replace(/^out\//, '').replace(/\.test\.js(\.map)?$/, '.test.ts');
    if (!fs.existsSync(path.join(__dirname, source))) fs.rmSync(path.join(__dirname, rel));
  }
  if (dir !== 'out/test/integration' && fs.readdirSync(abs).length === 0) fs.rmdirSync(abs);
}

function integrationTests(dir = 'test/integration') {
  const abs = path.join(__dirname, dir);
  if (!fs.existsSync(abs)) return [];
  return fs.readdirSync(abs, { withFileTypes: true }).flatMap((e) => {
    const rel = `${dir}/${e.name}`;
    if (e.isDirectory()) return integrationTests(rel);
    return e.isFile() && e.name.endsWith('.test.ts') ? [rel] : [];
  });
}

async function main() {
  if (watch) {
    const contexts = await Promise.all(builds.map((b) => esbuild.context(b)));
    await Promise.all(contexts.map((c) => c.watch()));
    console.log('esbuild: watching');
    return;
  }
  await Promise.all(builds.map((b) => esbuild.build(b)));
  removeStaleIntegrationBundles();
  for (const f of ['dist/cli/handbook-lint.js', 'dist/cli/handbook-import.js', 'dist/cli/handbook-diff.js']) {
    if (fs.existsSync(f)) fs.chmodSync(f, 0o755);
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
