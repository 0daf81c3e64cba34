/** Shared by the language-feature tests (inlined into each bundled test file). */
import * as assert from 'assert';
import * as vscode from 'vscode';

/** The position of `needle` in a document (the first occurrence), plus `offset` characters. */
export function positionOf(doc: vscode.TextDocument, needle: string, offset = 0): vscode.Position {
  const i = doc.getText().indexOf(needle);
  assert.ok(i >= 0, `"${needle}" not found in ${doc.uri.path}`);
  return doc.positionAt(i + offset);
}

/** The text a range covers. */
export function textAt(doc: vscode.TextDocument, range: vscode.Range): string {
  return doc.getText(range);
}

/** The Markdown of every hover at a position, joined. */
export async function hoverText(
  doc: vscode.TextDocument,
  position: vscode.Position,
): Promise<{ values: vscode.MarkdownString[]; hovers: vscode.Hover[] }> {
  const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, position)) ?? [];
  const values = hovers.flatMap((h) => h.contents.filter((c): c is vscode.MarkdownString => typeof c === 'object' && 'value' in c));
  return { values, hovers };
}

/** A 1-based `line:col-line:col` of a range, for assertions. */
export function span(r: vscode.Range): string {
  return `${r.start.line + 1}:${r.start.character + 1}-${r.end.line + 1}:${r.end.character + 1}`;
}
