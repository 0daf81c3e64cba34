/** One conversion of an engine finding into a VS Code diagnostic, for every feature that publishes findings. */
import * as vscode from 'vscode';
import { findingHelpUri } from '../../core/findingLinks';
import type { Finding } from '../../core/types';
import { DIAGNOSTIC_SOURCE } from './language';
import { toVsRange } from './ranges';

export function findingSeverity(f: Finding): vscode.DiagnosticSeverity {
  return f.severity === 'error'
    ? vscode.DiagnosticSeverity.Error
    : f.severity === 'warning'
      ? vscode.DiagnosticSeverity.Warning
      : vscode.DiagnosticSeverity.Information;
}

/** The finding as a diagnostic: its range, message and severity (unless one is given), its code linking to its documentation. */
export function findingDiagnostic(f: Finding, severity: vscode.DiagnosticSeverity = findingSeverity(f)): vscode.Diagnostic {
  const d = new vscode.Diagnostic(toVsRange(f.range), f.message, severity);
  d.source = DIAGNOSTIC_SOURCE;
  d.code = { value: f.code, target: vscode.Uri.parse(findingHelpUri(f.code)) };
  return d;
}
