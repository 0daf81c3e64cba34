/** Node entry point. */
import type * as vscode from 'vscode';
import { activateFeatures } from './activate';

export function activate(context: vscode.ExtensionContext): void {
  activateFeatures(context);
}

export function deactivate(): void {}
