/**
 * The role-comparison page's strings (media/compare.ts), localised: the page shows two roles
 * (features/compare) or two revisions of one role (features/handbookDiff), which set their own
 * side names and, for revisions, the strings of moved responsibilities.
 */
import * as vscode from 'vscode';
import type { CompareLabels } from '../../core/protocol/compareProtocol';

export function compareLabels(): CompareLabels {
  return {
    left: vscode.l10n.t('Left role'),
    right: vscode.l10n.t('Right role'),
    swap: vscode.l10n.t('Swap sides'),
    copyMarkdown: vscode.l10n.t('Copy as Markdown table'),
    builtin: vscode.l10n.t('built-in'),
    focus: vscode.l10n.t('Focus'),
    responsibilities: vscode.l10n.t('Responsibilities'),
    successCriteria: vscode.l10n.t('Success criteria'),
    relationships: vscode.l10n.t('Relationships'),
    shared: vscode.l10n.t('Shared'),
    only: vscode.l10n.t('Only {0}'),
    same: vscode.l10n.t('same'),
    near: vscode.l10n.t('near ({0}%)'),
    sharedFrom: vscode.l10n.t('shared from {0}'),
    inheritedFrom: vscode.l10n.t('from {0}'),
    nothing: vscode.l10n.t('None'),
    noRelationships: vscode.l10n.t('The two roles declare no relationship with each other.'),
    direction: vscode.l10n.t('{0} → {1}'),
    openAt: vscode.l10n.t('Open {0} at line {1}'),
    summaryMissing: vscode.l10n.t('No summary.'),
  };
}
