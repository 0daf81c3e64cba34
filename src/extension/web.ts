/** Browser (web worker) entry point: the same features, without the CLI. */
import type * as vscode from 'vscode';
import { activateFeatures, type HandbookRolesApi } from './activate';

export function activate(context: vscode.ExtensionContext): HandbookRolesApi {
  return activateFeatures(context);
}

export function deactivate(): void {}
