/** The one `activate` shared by the Node and browser entry points: it only wires features. */
import type * as vscode from 'vscode';

export function activateFeatures(context: vscode.ExtensionContext): void {
  void context;
}
