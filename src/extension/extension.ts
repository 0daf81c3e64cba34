/** Node entry point. */
import type * as vscode from 'vscode';
import { activateFeatures, type HandbookRolesApi } from './activate';
import { nodeFileReader } from './util/nodeFileReader';
import { nodeMarkdownLister } from './util/nodeMarkdownLister';

export function activate(context: vscode.ExtensionContext): HandbookRolesApi {
  return activateFeatures(context, { read: nodeFileReader, list: nodeMarkdownLister });
}

export function deactivate(): void {}
