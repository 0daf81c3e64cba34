/** File helpers for features, through workspace.fs (the same code runs in the browser host). */
import * as vscode from 'vscode';

/** Whether anything (a file or a folder) exists at the URI. */
export async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}
