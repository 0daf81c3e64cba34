/**
 * The handbook diff in the editor, loaded on first use (src/extension/util/lazy.ts) by
 * handbookDiff.ts, which owns the commands:
 *
 * - `readHandbookDiff`: the files git reports as changed between a revision and the working tree
 *   (through the built-in git extension's API), both sides read and diffed by the engine
 *   (src/core/diff) exactly as `handbook-diff` does;
 * - `DiffPanel`: the webview of the changes (media/diff.ts), each linking to its role: on the
 *   target side the file as it is, on the base side the file at the revision (a git: document);
 * - `RevisionComparePanel`: two versions of one role in the role-comparison page (media/compare.ts)
 *   with what moved between it and other roles.
 *
 * Both pages talk through typed protocols (src/core/protocol/); every message is validated there
 * and may name only files the panel offered.
 */
import * as vscode from 'vscode';
import { LatestRun, unlessCancelled, type CancellationLike } from '../../../core/cancellation';
import { compareRoles, comparisonToMarkdown, type RoleComparison } from '../../../core/compare';
import { diffHandbooks, diffToMarkdown, summarizeDiff, type HandbookDiff } from '../../../core/diff';
import { parseFile } from '../../../core/parse';
import {
  parseWebviewMessage,
  type CompareLabels,
  type CompareViewModel,
  type HostMessage,
  type WebviewMessage,
} from '../../../core/protocol/compareProtocol';
import {
  diffPaths,
  parseDiffMessage,
  type DiffHostMessage,
  type DiffLabels,
  type DiffViewModel,
  type DiffWebviewMessage,
} from '../../../core/protocol/diffProtocol';
import type { FeatureContext } from '../../featureContext';
import { GitStatus, type GitApi, type GitChange, type GitRepository } from '../../util/git';
import { toVsRange } from '../../util/ranges';
import { roleResolver } from '../../util/roleChoice';
import { describeMessage, setUpPanel } from '../../util/webview';

const MARKDOWN = /\.(md|markdown)$/i;
/** Files read at once through git (each `show` is a git process). */
const READ_BATCH = 8;

export type DiffRendered = Extract<DiffWebviewMessage, { type: 'rendered' }>;
export type CompareRendered = Extract<WebviewMessage, { type: 'rendered' }>;

/** A file's path relative to the repository's top folder, or undefined outside it. */
function relative(repo: GitRepository, uri: vscode.Uri): string | undefined {
  const root = repo.rootUri.path.replace(/\/$/, '');
  return uri.path.startsWith(`${root}/`) ? uri.path.slice(root.length + 1) : undefined;
}

/** Discovery skips node_modules and dot-folders, as handbook-lint does. */
function skipped(rel: string): boolean {
  const parts = rel.split('/');
  return parts.slice(0, -1).some((p) => p === 'node_modules' || p.startsWith('.'));
}

const decoder = new TextDecoder('utf-8');

/**
 * The handbook at `ref` against the working tree: the files git reports as changed (tracked
 * changes since `ref`, and untracked files), both sides read, diffed by the engine. Undefined once
 * `token` is cancelled (checked between read batches, and by the engine between files and roles).
 */
export async function readHandbookDiff(
  ctx: FeatureContext,
  repo: GitRepository,
  ref: string,
  token?: CancellationLike,
): Promise<HandbookDiff | undefined> {
  await repo.status();
  const changes: GitChange[] = [
    ...(await repo.diffWith(ref)),
    ...repo.state.workingTreeChanges.filter((c) => c.status === GitStatus.UNTRACKED),
    ...(repo.state.untrackedChanges ?? []),
  ];
  const base = new Map<string, string>();
  const target = new Map<string, string>();
  const seen = new Set<string>();
  const jobs: (() => Promise<void>)[] = [];
  for (const c of changes) {
    const after = c.renameUri ?? c.uri;
    const basePath = relative(repo, c.originalUri);
    const targetPath = relative(repo, after);
    const key = `${basePath}\0${targetPath}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const noBase = c.status === GitStatus.INDEX_ADDED || c.status === GitStatus.UNTRACKED || c.status === GitStatus.INTENT_TO_ADD;
    const noTarget = c.status === GitStatus.DELETED || c.status === GitStatus.INDEX_DELETED;
    if (!noBase && basePath && MARKDOWN.test(basePath) && !skipped(basePath)) {
      jobs.push(async () => {
        try {
          base.set(basePath, await repo.show(ref, c.originalUri.fsPath));
        } catch {
          // Not in the revision after all (git's status is about the index): absent on that side.
        }
      });
    }
    if (!noTarget && targetPath && MARKDOWN.test(targetPath) && !skipped(targetPath)) {
      jobs.push(async () => {
        try {
          target.set(targetPath, decoder.decode(await vscode.workspace.fs.readFile(after)));
        } catch {
          // Deleted since git looked: absent.
        }
      });
    }
  }
  for (let i = 0; i < jobs.length; i += READ_BATCH) {
    if (token?.isCancellationRequested) return undefined;
    await Promise.all(jobs.slice(i, i + READ_BATCH).map((j) => j()));
  }
  const isRoleGlob = (path: string) => ctx.handbook.isForced(vscode.Uri.joinPath(repo.rootUri, path));
  return unlessCancelled(() => diffHandbooks(base, target, { isRoleGlob, token }));
}

function diffLabels(diff: HandbookDiff): DiffLabels {
  const s = summarizeDiff(diff);
  const summary =
    s.added + s.removed + s.renamed + s.changed + s.moved === 0
      ? vscode.l10n.t('No role changed.')
      : vscode.l10n.t(
          'Roles added: {0}, removed: {1}, renamed: {2}, changed: {3}; responsibilities moved: {4}.',
          s.added,
          s.removed,
          s.renamed,
          s.changed,
          s.moved,
        );
  return {
    heading: vscode.l10n.t('{0} → {1}'),
    summary,
    refresh: vscode.l10n.t('Refresh'),
    copyMarkdown: vscode.l10n.t('Copy as Markdown'),
    added: vscode.l10n.t('Added roles'),
    removed: vscode.l10n.t('Removed roles'),
    renamed: vscode.l10n.t('Renamed roles'),
    changed: vscode.l10n.t('Changed roles'),
    moved: vscode.l10n.t('Moved responsibilities'),
    unreadable: vscode.l10n.t('Role files that could not be read'),
    focus: vscode.l10n.t('Focus'),
    responsibilities: vscode.l10n.t('Responsibilities'),
    successCriteria: vscode.l10n.t('Success criteria'),
    fields: vscode.l10n.t('Other keys changed: {0}'),
    openAt: vscode.l10n.t('Open {0} at line {1}'),
    atRevision: vscode.l10n.t('{0} at {1}'),
    notCompared: vscode.l10n.t('{0}: not compared'),
    nothing: vscode.l10n.t('No role changed.'),
  };
}

export interface DiffPanelEvents {
  update: vscode.EventEmitter<DiffViewModel>;
  render: vscode.EventEmitter<DiffRendered>;
  reject: vscode.EventEmitter<unknown>;
}

/** The webview of one handbook diff: a revision against the working tree. */
export class DiffPanel implements vscode.Disposable {
  private ready = false;
  model: DiffViewModel | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  /** A refresh while the diff is still read cancels the older read. */
  private readonly updates = new LatestRun();

  constructor(
    readonly panel: vscode.WebviewPanel,
    private readonly ctx: FeatureContext,
    private readonly api: GitApi,
    private readonly repo: GitRepository,
    readonly ref: string,
    private readonly events: DiffPanelEvents,
    onDispose: () => void,
  ) {
    const page = { script: 'diff.js', style: 'diff.css', title: vscode.l10n.t('Handbook Changes') };
    this.disposables.push(
      ...setUpPanel(
        panel,
        ctx.extension.extensionUri,
        page,
        (raw) => void this.receive(raw),
        () => {
          this.dispose();
          onDispose();
        },
      ),
    );
  }

  /** Reads the diff again and shows it; undefined when a newer update (or closing the panel) cancelled this one. */
  async update(): Promise<DiffViewModel | undefined> {
    const diff = await readHandbookDiff(this.ctx, this.repo, this.ref, this.updates.start());
    if (!diff) return undefined;
    this.model = { base: this.ref, target: vscode.l10n.t('working tree'), diff, labels: diffLabels(diff) };
    this.panel.title = vscode.l10n.t('Handbook: {0} ↔ working tree', this.ref);
    this.post();
    this.events.update.fire(this.model);
    return this.model;
  }

  private post(): void {
    if (!this.ready || !this.model) return;
    const message: DiffHostMessage = { type: 'model', model: this.model };
    void this.panel.webview.postMessage(message);
  }

  async receive(raw: unknown): Promise<boolean> {
    const msg = parseDiffMessage(raw);
    if (!msg) return this.reject(raw, 'malformed');
    switch (msg.type) {
      case 'ready':
        this.ready = true;
        this.post();
        return true;
      case 'rendered':
        this.events.render.fire(msg);
        return true;
      case 'refresh':
        await this.update();
        return true;
      case 'open': {
        if (!this.model || !diffPaths(this.model.diff)[msg.side].has(msg.path)) return this.reject(raw, 'file not in the diff');
        const file = vscode.Uri.joinPath(this.repo.rootUri, msg.path);
        const uri = msg.side === 'base' ? this.api.toGitUri(file, this.ref) : file;
        const range = toVsRange({ line: msg.line, column: msg.column, endLine: msg.endLine, endColumn: msg.endColumn });
        await vscode.window.showTextDocument(uri, { selection: range, viewColumn: vscode.ViewColumn.Beside, preview: true });
        return true;
      }
      case 'copyMarkdown': {
        if (!this.model) return false;
        await vscode.env.clipboard.writeText(diffToMarkdown(this.model.diff, this.ref, vscode.l10n.t('working tree')));
        void vscode.window.showInformationMessage(vscode.l10n.t('Copied the handbook changes as Markdown.'));
        return true;
      }
    }
  }

  private reject(raw: unknown, why: string): false {
    this.ctx.log.warn(`Handbook changes: refused a message (${why}): ${describeMessage(raw)}`);
    this.events.reject.fire(raw);
    return false;
  }

  dispose(): void {
    this.updates.cancel();
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}

export interface RevisionCompareEvents {
  update: vscode.EventEmitter<CompareViewModel>;
  render: vscode.EventEmitter<CompareRendered>;
  reject: vscode.EventEmitter<unknown>;
}

/** Why a role file cannot be compared with HEAD, for the user; or the two versions. */
export type RevisionPair =
  { unavailable: string } | { comparison: RoleComparison; moved: NonNullable<CompareViewModel['versions']>['moved']; headUri: string };

/** The role of `doc` at HEAD and as it is now (unsaved edits included), compared; with its moves. */
export async function compareWithRevision(
  ctx: FeatureContext,
  api: GitApi,
  repo: GitRepository,
  doc: vscode.TextDocument,
  ref = 'HEAD',
): Promise<RevisionPair> {
  const rel = relative(repo, doc.uri) ?? doc.uri.path;
  let before: string;
  try {
    before = await repo.show(ref, doc.uri.fsPath);
  } catch {
    return { unavailable: vscode.l10n.t('{0} is not in {1}: it is a new file.', rel, ref) };
  }
  const headUri = api.toGitUri(doc.uri, ref).toString();
  const forced = ctx.handbook.isForced(doc.uri);
  const old = parseFile(headUri, before, { forceRoleFile: forced }).role;
  const now = parseFile(doc.uri.toString(), doc.getText(), { forceRoleFile: forced }).role;
  if (!old) return { unavailable: vscode.l10n.t('{0} at {1} is not a role file that can be read.', rel, ref) };
  if (!now) return { unavailable: vscode.l10n.t('{0} is not a role file that can be read now.', rel) };
  const comparison = compareRoles(old, now, roleResolver(ctx.handbook));
  // The two sides are one role: name them by revision.
  comparison.left = { ...comparison.left, title: `${old.title} (${ref})`, aliases: [ref] };
  comparison.right = {
    ...comparison.right,
    title: vscode.l10n.t('{0} (working tree)', now.title),
    aliases: [vscode.l10n.t('working tree')],
  };
  const diff = await readHandbookDiff(ctx, repo, ref);
  const ids = new Set([old.id, now.id]);
  const moved = (diff?.moved ?? [])
    .filter((m) => ids.has(m.from) !== ids.has(m.to))
    .map((m) =>
      ids.has(m.from) ? { text: m.text, role: m.to, direction: 'out' as const } : { text: m.text, role: m.from, direction: 'in' as const },
    );
  return { comparison, moved, headUri };
}

/** Two versions of one role in the role-comparison page (no pickers: the sides are revisions). */
export class RevisionComparePanel implements vscode.Disposable {
  private ready = false;
  readonly model: CompareViewModel;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    readonly panel: vscode.WebviewPanel,
    private readonly ctx: FeatureContext,
    pair: Extract<RevisionPair, { comparison: unknown }>,
    ref: string,
    private readonly events: RevisionCompareEvents,
    onDispose: () => void,
  ) {
    const c = pair.comparison;
    const page = { script: 'compare.js', style: 'compare.css', title: vscode.l10n.t('Compare with {0}', ref) };
    this.disposables.push(
      ...setUpPanel(
        panel,
        ctx.extension.extensionUri,
        page,
        (raw) => void this.receive(raw),
        () => {
          this.dispose();
          onDispose();
        },
      ),
    );
    this.model = {
      left: { uri: c.left.uri, id: c.left.id },
      right: { uri: c.right.uri, id: c.right.id },
      comparison: c,
      choices: [],
      labels: { ...compareLabels(), left: ref, right: vscode.l10n.t('working tree') },
      versions: { moved: pair.moved },
    };
    panel.title = vscode.l10n.t('{0}: {1} ↔ working tree', c.right.id, ref);
    this.events.update.fire(this.model);
  }

  private post(): void {
    if (!this.ready) return;
    const message: HostMessage = { type: 'model', model: this.model };
    void this.panel.webview.postMessage(message);
  }

  /** URIs the page may ask to open: the two versions and every file an item comes from. */
  private allowedUris(): Set<string> {
    const c = this.model.comparison!;
    const out = new Set<string>([c.left.uri, c.right.uri]);
    for (const s of [c.focus, c.responsibilities, c.successCriteria]) {
      for (const p of s.shared) out.add(p.left.uri).add(p.right.uri);
      for (const i of [...s.onlyLeft, ...s.onlyRight]) out.add(i.uri);
    }
    for (const r of [...c.relationships.left, ...c.relationships.right]) if (r.target) out.add(r.target.uri);
    return out;
  }

  async receive(raw: unknown): Promise<boolean> {
    const msg = parseWebviewMessage(raw);
    if (!msg) return this.reject(raw, 'malformed');
    switch (msg.type) {
      case 'ready':
        this.ready = true;
        this.post();
        return true;
      case 'rendered':
        this.events.render.fire(msg);
        return true;
      case 'open': {
        if (!this.allowedUris().has(msg.uri)) return this.reject(raw, 'URI not in the comparison');
        const range = toVsRange({ line: msg.line, column: msg.column, endLine: msg.endLine, endColumn: msg.endColumn });
        await vscode.window.showTextDocument(vscode.Uri.parse(msg.uri), {
          selection: range,
          viewColumn: vscode.ViewColumn.Beside,
          preview: true,
        });
        return true;
      }
      case 'copyMarkdown':
        await vscode.env.clipboard.writeText(comparisonToMarkdown(this.model.comparison!));
        void vscode.window.showInformationMessage(vscode.l10n.t('Copied the comparison as a Markdown table.'));
        return true;
      case 'pick':
      case 'swap':
        // The sides are two revisions of one role: nothing to pick or swap.
        return this.reject(raw, 'not offered');
    }
  }

  private reject(raw: unknown, why: string): false {
    this.ctx.log.warn(`Compare with revision: refused a message (${why}): ${describeMessage(raw)}`);
    this.events.reject.fire(raw);
    return false;
  }

  dispose(): void {
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}

/** The comparison page's strings (the same as the role comparison's). */
function compareLabels(): CompareLabels {
  return {
    left: '',
    right: '',
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
    moved: vscode.l10n.t('Moved responsibilities'),
    movedIn: vscode.l10n.t('from {0}'),
    movedOut: vscode.l10n.t('to {0}'),
  };
}
