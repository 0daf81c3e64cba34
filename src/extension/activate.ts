/** The one `activate` shared by the Node and browser entry points: it only wires features. */
import * as vscode from 'vscode';
import { registerBuiltinFileSystem } from './builtinHandbook';
import type { Feature, FeatureContext } from './featureContext';
import { HandbookWorkspace } from './handbookWorkspace';
import { registerLookup } from './lookup';
import { registerNewRoleFile } from './newRoleFile';

/** What the extension exports: used by the integration tests and by other extensions. */
export interface HandbookRolesApi {
  /** Milliseconds `activate()` took (indexing runs afterwards, in the background). */
  activationMs: number;
  handbook: HandbookWorkspace;
}

/** Features, one file each. Add new ones here. */
const FEATURES: Feature[] = [
  registerLookup,
  registerNewRoleFile,
];

export function activateFeatures(context: vscode.ExtensionContext): HandbookRolesApi {
  const started = performance.now();
  const log = vscode.window.createOutputChannel('Handbook Roles', { log: true });
  const handbook = new HandbookWorkspace(log);
  const ctx: FeatureContext = { extension: context, handbook, log };
  context.subscriptions.push(log, handbook, registerBuiltinFileSystem());
  for (const feature of FEATURES) context.subscriptions.push(feature(ctx));
  // Indexing starts after activation returns, so activation stays cheap.
  setTimeout(() => void handbook.refresh(), 0);
  const activationMs = performance.now() - started;
  log.info(`Activated in ${activationMs.toFixed(1)} ms.`);
  return { activationMs, handbook };
}
