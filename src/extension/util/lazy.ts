/**
 * Code the extension loads on first use. A session may never compare two roles, open the
 * responsibility map, search, scaffold or import: in the Node host each of these is a bundle of
 * its own in dist/lazy/, so that activation does not pay for it.
 *
 * The modules loaded this way are listed once, in src/extension/lazyModules.json. To load one, a
 * feature writes a plain `require()` of its source inside a function, wrapped in `once()`:
 *
 *     const loadPanel = once(() => require('./panel') as typeof import('./panel'));
 *
 * esbuild.js reads the same table: it builds each listed module into dist/lazy/NAME.js, and in
 * the Node bundle (dist/extension.js) it turns such a require() into a require of that file (an
 * `import` of a listed module is a build error there: it would load it at activation). The web
 * bundle is one file: there the require() is bundled inline. Under tests (tsx) it loads the source.
 */
import * as vscode from 'vscode';
import type LAZY_MODULES from '../lazyModules.json';
import type { FeatureContext } from '../featureContext';

/** The name of a module of src/extension/lazyModules.json. */
export type LazyModuleName = keyof typeof LAZY_MODULES;

/** The file of a bundle of dist/lazy/ (Node host), for what is not required but started, such as a worker. */
export function lazyBundlePath(name: LazyModuleName): string {
  return `${__dirname}/lazy/${name}.js`;
}

/** `load()` run on the first call only; later calls return its result. */
export function once<T>(load: () => T): () => T {
  let loaded: { value: T } | undefined;
  return () => (loaded ??= { value: load() }).value;
}

/**
 * Registers a command whose implementation is loaded on its first run: `load()` gives the module
 * (a lazy require), `factory` picks from it the function that builds the handler for this
 * feature context, once.
 */
export function registerLazyCommand<M, A extends unknown[], R>(
  id: string,
  ctx: FeatureContext,
  load: () => M,
  factory: (module: M) => (ctx: FeatureContext) => (...args: A) => R,
): vscode.Disposable {
  let run: ((...args: A) => R) | undefined;
  return vscode.commands.registerCommand(id, (...args: A) => (run ??= factory(load())(ctx))(...args));
}
