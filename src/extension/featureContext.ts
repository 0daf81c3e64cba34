/** What every feature receives: the extension context, the live handbook and the log. */
import type * as vscode from 'vscode';
import type { HandbookRolesApi } from './activate';
import type { HandbookWorkspace } from './handbookWorkspace';

export interface FeatureContext {
  extension: vscode.ExtensionContext;
  handbook: HandbookWorkspace;
  log: vscode.LogOutputChannel;
  /** The extension's exported API: a feature may add its own (optional) field for tests. */
  api: HandbookRolesApi;
}

/** A feature: wires itself to VS Code and returns what undoes that. */
export type Feature = (ctx: FeatureContext) => vscode.Disposable;
