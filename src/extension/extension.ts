/** Node entry point. */
import type * as vscode from 'vscode';
import { activateFeatures, type HandbookRolesApi } from './activate';
import { nodeFileReader } from './util/nodeFileReader';

export function activate(context: vscode.ExtensionContext): HandbookRolesApi {
  return activateFeatures(context, nodeFileReader);
}

export function deactivate(): void {}
