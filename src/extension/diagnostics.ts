/**
 * Problems in role files as diagnostics: the engine's findings (same codes, ranges and messages as
 * the CLI), each code linking to its documentation. The HandbookWorkspace debounces edits and says
 * which files' findings may have changed (cross-file ones included); exactly those are published.
 * Behind a setting, `[[links]]` in open Markdown files that are not role files are checked too.
 */
import * as vscode from 'vscode';
import { unresolvedLinkFindings } from '../core/language/linkFindings';
import type { Finding } from '../core/types';
import type { Feature } from './featureContext';
import type { HandbookWorkspace } from './handbookWorkspace';
import { DIAGNOSTIC_SOURCE, isBuiltinUri, resolveRoleFrom } from './util/language';
import { diagnosticBatches } from './util/diagnosticBatches';
import { findingDiagnostic } from './util/findingDiagnostic';
import { setting } from './util/settings';
import type { LinkSeverity } from '../core/settings';

interface Settings {
  enable: boolean;
  linkSeverity: LinkSeverity;
  linksInAllMarkdown: boolean;
}

/** Debounce of the link check in Markdown files that are not role files (role files: the index's). */
const LINK_CHECK_DEBOUNCE_MS = 300;

const SEVERITY: Record<Exclude<LinkSeverity, 'ignore'>, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  information: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};

function readSettings(): Settings {
  return {
    enable: setting('validation.enable'),
    linkSeverity: setting('validation.linkSeverity'),
    linksInAllMarkdown: setting('validation.linksInAllMarkdown'),
  };
}

function toDiagnostic(f: Finding, settings: Settings): vscode.Diagnostic | undefined {
  if (f.code !== 'unresolved-link') return findingDiagnostic(f);
  if (settings.linkSeverity === 'ignore') return undefined;
  return findingDiagnostic(f, SEVERITY[settings.linkSeverity]);
}

class DiagnosticsPublisher implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection(DIAGNOSTIC_SOURCE);
  private settings = readSettings();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  /** Non-role Markdown documents that currently have link diagnostics. */
  private readonly linkChecked = new Set<string>();
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly handbook: HandbookWorkspace) {
    this.disposables.push(
      this.collection,
      handbook.onDidChange((e) => this.onIndexChange(e.affected)),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (!e.affectsConfiguration('handbookRoles.validation')) return;
        this.settings = readSettings();
        this.publishAll();
      }),
      vscode.workspace.onDidOpenTextDocument((d) => this.scheduleLinkCheck(d, 0)),
      vscode.workspace.onDidChangeTextDocument((e) => this.scheduleLinkCheck(e.document, LINK_CHECK_DEBOUNCE_MS)),
      vscode.workspace.onDidCloseTextDocument((d) => this.onClosed(d)),
    );
    this.publishAll();
  }

  /**
   * Publishes the diagnostics of these files (role files: their findings; other files: none, or
   * their link check once open) in as few messages to the workbench as VS Code allows: after the
   * initial scan that is every role file at once.
   */
  private publish(uris: Iterable<string>): void {
    const entries: [vscode.Uri, vscode.Diagnostic[] | undefined][] = [];
    const linkChecks: vscode.TextDocument[] = [];
    for (const uri of uris) {
      if (isBuiltinUri(uri)) continue;
      const target = vscode.Uri.parse(uri);
      this.linkChecked.delete(uri);
      if (this.handbook.index.has(uri)) {
        if (!this.settings.enable) entries.push([target, undefined]);
        else {
          const diagnostics = this.handbook.index.findings(uri).map((f) => toDiagnostic(f, this.settings));
          entries.push([target, diagnostics.filter((d): d is vscode.Diagnostic => !!d)]);
        }
        continue;
      }
      // Not (or no longer) a role file: at most an open Markdown file whose links are checked.
      entries.push([target, undefined]);
      const doc = this.openDocument(uri);
      if (doc) linkChecks.push(doc);
    }
    for (const run of diagnosticBatches(entries)) {
      // One file (perhaps of very many diagnostics): the per-file call, which copies its list.
      if (run.length > 1) this.collection.set(run);
      else if (run[0][1]) this.collection.set(run[0][0], run[0][1]);
      else this.collection.delete(run[0][0]);
    }
    for (const doc of linkChecks) this.scheduleLinkCheck(doc, 0);
  }

  private publishAll(): void {
    this.collection.clear();
    this.linkChecked.clear();
    this.publish(this.handbook.index.uris());
    for (const doc of vscode.workspace.textDocuments) this.scheduleLinkCheck(doc, 0);
  }

  private onIndexChange(affected: ReadonlySet<string>): void {
    this.publish(affected);
    // Names may have come or gone: re-check the links of open Markdown files that are not role files.
    if (this.settings.enable && this.settings.linksInAllMarkdown) {
      for (const doc of vscode.workspace.textDocuments)
        if (!affected.has(doc.uri.toString())) this.scheduleLinkCheck(doc, LINK_CHECK_DEBOUNCE_MS);
    }
  }

  private openDocument(uri: string): vscode.TextDocument | undefined {
    return vscode.workspace.textDocuments.find((d) => !d.isClosed && d.uri.toString() === uri);
  }

  /** Checks the links of an open Markdown file that is not a role file (after `delay`, latest text wins). */
  private scheduleLinkCheck(doc: vscode.TextDocument, delay: number): void {
    if (doc.languageId !== 'markdown' || isBuiltinUri(doc.uri)) return;
    const key = doc.uri.toString();
    if (this.handbook.index.has(key)) return;
    const pending = this.timers.get(key);
    if (pending) clearTimeout(pending);
    const run = () => {
      this.timers.delete(key);
      if (doc.isClosed || this.handbook.index.has(key)) return;
      if (!this.settings.enable || !this.settings.linksInAllMarkdown || this.handbook.isRoleDocument(doc)) {
        if (this.linkChecked.delete(key)) this.collection.delete(doc.uri);
        return;
      }
      const findings = unresolvedLinkFindings(doc.getText(), {
        has: (name) => !!resolveRoleFrom(this.handbook, doc.uri, name),
        suggest: (name) => this.handbook.index.suggestions(name),
      });
      const diagnostics = findings.map((f) => toDiagnostic(f, this.settings)).filter((d): d is vscode.Diagnostic => !!d);
      this.linkChecked.add(key);
      this.collection.set(doc.uri, diagnostics);
    };
    if (delay <= 0) run();
    else this.timers.set(key, setTimeout(run, delay));
  }

  private onClosed(doc: vscode.TextDocument): void {
    const key = doc.uri.toString();
    const pending = this.timers.get(key);
    if (pending) clearTimeout(pending);
    this.timers.delete(key);
    if (this.linkChecked.delete(key)) this.collection.delete(doc.uri);
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
    for (const d of this.disposables) d.dispose();
  }
}

export const registerDiagnostics: Feature = (ctx) => new DiagnosticsPublisher(ctx.handbook);
