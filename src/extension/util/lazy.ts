/**
 * Code the extension loads on first use. A session may never compare two roles, open the
 * responsibility map, search, scaffold, import, rename or fix all: in the Node host each of these is a bundle of
 * its own in dist/lazy/ (see esbuild.js), so that activation does not pay for it. The web bundle
 * carries them inline: `__WEB__` is a build-time constant and esbuild keeps one branch; the
 * computed path keeps the module out of dist/extension.js.
 */
import * as vscode from 'vscode';
import type * as EditingModule from '../commands/editing';
import type * as FindRoleModule from '../commands/findRole';
import type * as ImportRolesModule from '../commands/importRoles';
import type * as NewRoleFileModule from '../commands/newRoleFile';
import type * as ComparePanelModule from '../panels/comparePanel';
import type * as MapPanelModule from '../panels/mapPanel';
import type { FeatureContext } from '../featureContext';

declare const __WEB__: boolean;

/** The file of a bundle of dist/lazy/ (Node host). */
export function lazyBundlePath(name: string): string {
  return `${__dirname}/lazy/${name}.js`;
}

/** A bundle of dist/lazy/, required once. */
function fromDist<T>(name: string): () => T {
  let loaded: T | undefined;
  return () => (loaded ??= require(lazyBundlePath(name)) as T);
}

export const loadComparePanel: () => typeof ComparePanelModule = __WEB__ ? () => require('../panels/comparePanel') as typeof ComparePanelModule : fromDist('comparePanel');
export const loadMapPanel: () => typeof MapPanelModule = __WEB__ ? () => require('../panels/mapPanel') as typeof MapPanelModule : fromDist('mapPanel');
export const loadFindRole: () => typeof FindRoleModule = __WEB__ ? () => require('../commands/findRole') as typeof FindRoleModule : fromDist('findRole');
export const loadImportRoles: () => typeof ImportRolesModule = __WEB__ ? () => require('../commands/importRoles') as typeof ImportRolesModule : fromDist('importRoles');
export const loadEditing: () => typeof EditingModule = __WEB__ ? () => require('../commands/editing') as typeof EditingModule : fromDist('editing');
export const loadNewRoleFile: () => typeof NewRoleFileModule = __WEB__ ? () => require('../commands/newRoleFile') as typeof NewRoleFileModule : fromDist('newRoleFile');

/**
 * Registers a command whose implementation is loaded on its first run: `handler()` gives the
 * factory, which builds the handler once for this feature context.
 */
export function registerLazyCommand<A extends unknown[], R>(
  id: string,
  ctx: FeatureContext,
  handler: () => (ctx: FeatureContext) => (...args: A) => R,
): vscode.Disposable {
  let run: ((...args: A) => R) | undefined;
  return vscode.commands.registerCommand(id, (...args: A) => (run ??= handler()(ctx))(...args));
}
