/** Conversions between the engine's 1-based ranges and VS Code's 0-based ones. */
import * as vscode from 'vscode';
import type { Range } from '../../core/types';

export function toVsRange(r: Range): vscode.Range {
  return new vscode.Range(r.line - 1, r.column - 1, r.endLine - 1, r.endColumn - 1);
}

export function toVsPosition(line: number, column: number): vscode.Position {
  return new vscode.Position(line - 1, column - 1);
}

export function containsPosition(r: Range, pos: vscode.Position): boolean {
  return toVsRange(r).contains(pos);
}
