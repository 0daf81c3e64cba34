/**
 * Feeds the engine's HandbookIndex from the workspace: an initial background scan (findFiles and
 * `workspace.fs`; in the Node host local files are listed and read with Node's fs, see DirectFs),
 * a file watcher, and open editors (whose text wins over the disk). Every feature reads the index
 * from here and listens to `onDidChange`; none of them reads files itself.
 */
import * as vscode from 'vscode';
import { LatestRun } from '../core/cancellation';
import { mightBeRoleFile } from '../core/frontmatter';
import { HandbookIndex } from '../core/handbookIndex';
import { MAX_ROLE_FILE_BYTES, roleFileGlobMatcher, roleFileReason } from '../core/roleFiles';
import type { BuiltinMode } from '../core/settings';
import { BUILTIN_SCHEME, builtinFiles } from './builtinHandbook';
import { affectsSetting, setting } from './util/settings';
import { errorDetail, errorMessage } from '../core/errors';

export interface HandbookChange {
  /** URIs (as strings) whose parse or findings may have changed. */
  affected: ReadonlySet<string>;
}

export type { BuiltinMode } from '../core/settings';

/**
 * Reads a local file without workspace.fs: all of it, or (with `limit`) at most its first `limit`
 * bytes (`whole` says whether that was all). Undefined when it cannot read this URI (then
 * workspace.fs does). Only the Node host has one (util/nodeFileReader.ts): workspace.fs reads
 * whole files only, and each of its reads is a round trip through the workbench.
 */
export type FileReader = (uri: vscode.Uri, limit?: number) => Promise<{ bytes: Uint8Array; whole: boolean } | undefined>;

/**
 * Lists a workspace folder's Markdown files without findFiles (Node: util/nodeMarkdownLister.ts),
 * as a head start for the scan: it may miss files or list more than findFiles (which stays the
 * truth), and gives nothing for a folder it cannot list.
 */
export type FileLister = (folder: vscode.Uri) => Promise<vscode.Uri[]>;

/** What the host can do with local files itself (the Node host; the browser host has neither). */
export interface DirectFs {
  read: FileReader;
  list?: FileLister;
}

/** How much of a Markdown file that is not (yet) a role file is read to tell whether it may be one. */
export const HEAD_BYTES = 64 * 1024;

const MARKDOWN_GLOB = '**/*.{md,markdown}';
const EXCLUDE_GLOB = '{**/node_modules/**,**/.*/**}';
const EDIT_DEBOUNCE_MS = 250;
/**
 * Files read at once during a scan: enough to keep the disk (and the workbench, for workspace.fs)
 * busy, few enough that a slow file does not hold up the rest and memory stays bounded.
 */
export const READ_CONCURRENCY = 16;
const MARKDOWN_PATH = /\.(md|markdown)$/i;
/** Folders the scan never enters (see EXCLUDE_GLOB), on workspace-relative paths. */
const SKIPPED_PATH = /\/(node_modules|\.[^/]*)(\/|$)/;
const SETTLE_MS = 300;

/** A role file larger than MAX_ROLE_FILE_BYTES: not indexed, one line in the log (as the CLI skips it). */
class TooLargeError extends Error {}

/** Only Markdown files are role files (role-format.md): nothing else is read or indexed. */
export function isMarkdownPath(uri: vscode.Uri): boolean {
  return MARKDOWN_PATH.test(uri.path);
}

export class HandbookWorkspace implements vscode.Disposable {
  /** Workspace role files, plus the built-in roles while they stand in for an empty handbook. */
  readonly index = new HandbookIndex();
  private builtins: HandbookIndex | undefined;
  private readonly changed = new vscode.EventEmitter<HandbookChange>();
  readonly onDidChange = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [];
  /**
   * The operation in flight per URI (a read, or a debounced edit): one that finishes after a newer
   * one began is dropped. An entry lives only while its operation runs (finish() removes it), and a
   * newer operation clears the older one's timer, so neither map outgrows the files in motion.
   */
  private readonly tokens = new Map<string, number>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  /** URIs touched by an event while a scan waits for findFiles (one set per scan in progress). */
  private readonly touchedDuringScan = new Set<Set<string>>();
  private nextToken = 1;
  private pendingAffected = new Set<string>();
  private flushTimer: ReturnType<typeof setTimeout> | undefined;
  /** Role-file glob matchers per workspace folder (the setting is per folder), compiled on first use. */
  private readonly matchers = new Map<string, (rel: string) => boolean>();
  private scanPromise: Promise<void> | undefined;
  /** A newer scan cancels an older one: it reads everything again anyway. */
  private readonly scans = new LatestRun();
  private readonly decoder = new TextDecoder('utf-8');
  private builtinsActive = false;
  private initialScan: Promise<void> | undefined;
  private disposed = false;

  constructor(
    private readonly log: vscode.LogOutputChannel,
    /** Reads (and lists) local files directly where the host can (Node): see DirectFs. */
    private readonly direct?: DirectFs,
  ) {
    this.disposables.push(
      this.changed,
      vscode.workspace.onDidOpenTextDocument((d) => this.fromDocument(d, 0)),
      vscode.workspace.onDidChangeTextDocument((e) => this.fromDocument(e.document, EDIT_DEBOUNCE_MS)),
      vscode.workspace.onDidCloseTextDocument((d) => this.onClosed(d)),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (affectsSetting(e, 'roleFiles', 'showBuiltinHandbook')) {
          this.matchers.clear();
          void this.refresh();
        }
      }),
      vscode.workspace.onDidChangeWorkspaceFolders(() => {
        this.matchers.clear();
        void this.refresh();
      }),
    );
    const watcher = vscode.workspace.createFileSystemWatcher(MARKDOWN_GLOB);
    this.disposables.push(
      watcher,
      watcher.onDidCreate((u) => this.fromDisk(u)),
      watcher.onDidChange((u) => this.fromDisk(u)),
      watcher.onDidDelete((u) => this.remove(u)),
      vscode.workspace.onDidDeleteFiles((e) => e.files.forEach((u) => this.remove(u))),
      vscode.workspace.onDidRenameFiles((e) =>
        e.files.forEach((f) => {
          this.remove(f.oldUri);
          void this.added(f.newUri);
        }),
      ),
    );
    // A created or deleted folder may be reported as the folder alone (its Markdown files
    // included), which the Markdown glob above filters out.
    const folders = vscode.workspace.createFileSystemWatcher('**/*', false, true, false);
    this.disposables.push(
      folders,
      folders.onDidDelete((u) => this.remove(u)),
      folders.onDidCreate((u) => {
        if (!MARKDOWN_PATH.test(u.path) && !SKIPPED_PATH.test(`/${vscode.workspace.asRelativePath(u, false)}`)) void this.added(u);
      }),
    );
  }

  /** The built-in roles alone, always available (for the "always" mode and lookups); parsed on first use, after activation. */
  get builtinIndex(): HandbookIndex {
    if (!this.builtins) {
      this.builtins = new HandbookIndex();
      for (const [uri, text] of builtinFiles()) this.builtins.set(uri, text, { builtin: true, forceRoleFile: true });
    }
    return this.builtins;
  }

  /**
   * Resolves once the initial (or latest full) scan is done. Asking does not start a scan of its own:
   * features ask while they register, inside activate(), and the one initial scan starts after
   * activation (start()).
   */
  get ready(): Promise<void> {
    return this.scanPromise ?? this.start();
  }

  /**
   * Starts the initial scan as soon as activation has returned (activate() registers every feature
   * synchronously: a microtask runs after it, before the extension host's next task), unless one
   * runs already; calling it again changes nothing. Resolves when that scan is done. Not a later
   * task: the host is busy activating other extensions then, and findFiles would wait for it.
   */
  start(): Promise<void> {
    if (this.scanPromise) return this.scanPromise;
    this.initialScan ??= Promise.resolve().then(() => (this.disposed ? undefined : (this.scanPromise ?? this.refresh())));
    return this.initialScan;
  }

  /** Whether the built-in roles currently stand in for an empty workspace handbook. */
  get showingBuiltins(): boolean {
    return this.builtinsActive;
  }

  get builtinMode(): BuiltinMode {
    return setting('showBuiltinHandbook');
  }

  /** Number of workspace role files (built-ins excluded). */
  get workspaceRoleFiles(): number {
    return this.index.size - (this.builtinsActive ? builtinFiles().size : 0);
  }

  /**
   * Whether the role-file globs of the file's workspace folder match it (then a missing frontmatter
   * is reported). The globs are that folder's `handbookRoles.roleFiles`, over the path relative to it.
   */
  isForced(uri: vscode.Uri): boolean {
    if (uri.scheme === BUILTIN_SCHEME) return true;
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    if (!folder) return false;
    const key = folder.uri.toString();
    let matcher = this.matchers.get(key);
    if (!matcher) this.matchers.set(key, (matcher = roleFileGlobMatcher(setting('roleFiles', folder))));
    return matcher(vscode.workspace.asRelativePath(uri, false));
  }

  /** Whether a document is (or should be treated as) a role file. */
  isRoleDocument(doc: vscode.TextDocument): boolean {
    return (
      this.index.has(doc.uri.toString()) ||
      (doc.languageId === 'markdown' && !!roleFileReason(this.isForced(doc.uri), doc.getText(new vscode.Range(0, 0, 400, 0))))
    );
  }

  /** Rescans the whole workspace in the background, with progress in the Roles view. */
  refresh(): Promise<void> {
    const token = this.scans.start();
    const run = vscode.window.withProgress(
      { location: { viewId: 'handbookRoles.roles' }, title: vscode.l10n.t('Indexing role files…') },
      () => this.scan(token),
    );
    this.scanPromise = Promise.resolve(run).catch((e) => this.log.error(`Indexing failed: ${errorDetail(e)}`));
    return this.scanPromise;
  }

  private async scan(cancel: vscode.CancellationToken): Promise<void> {
    const started = Date.now();
    // Files an event touched while findFiles ran are newer than its answer: keep them.
    const touched = new Set<string>();
    this.touchedDuringScan.add(touched);
    const folders = vscode.workspace.workspaceFolders ?? [];
    // Where the host lists local folders itself (Node), reading starts at once, while findFiles
    // (a round trip through the workbench to ripgrep) is on its way; findFiles then has the last
    // word: what it lists and was not read is read, what was read and it does not list is dropped.
    const read = new Set<string>();
    let files: vscode.Uri[];
    try {
      const headStart = this.headStart(folders, read, cancel);
      files = folders.length ? await vscode.workspace.findFiles(MARKDOWN_GLOB, EXCLUDE_GLOB, undefined, cancel) : [];
      await headStart;
    } finally {
      this.touchedDuringScan.delete(touched);
    }
    if (cancel.isCancellationRequested) return;
    const seen = new Set(files.map((f) => f.toString()));
    for (const uri of this.index.uris()) {
      if (uri.startsWith(`${BUILTIN_SCHEME}:`) || seen.has(uri) || touched.has(uri)) continue;
      this.collect(this.index.delete(uri).affected, uri);
    }
    // The scan reports what it found in one change event at its end, not batch by batch: every
    // feature then does one pass over the handbook (diagnostics, tree, code lens, map), instead of
    // re-publishing files whose cross-file findings each batch of new role files touched again.
    await this.readAll(
      files.filter((f) => !read.has(f.toString())),
      cancel,
    );
    if (cancel.isCancellationRequested) return;
    for (const doc of vscode.workspace.textDocuments) {
      // A clean document of a file the scan did not find is a leftover of a deleted file (VS Code
      // keeps documents alive a while after their editor closes): the disk is the truth.
      if (doc.uri.scheme === 'file' && !doc.isDirty && !seen.has(doc.uri.toString())) continue;
      this.fromDocument(doc, 0, false);
    }
    this.updateBuiltins();
    this.flush();
    this.log.info(`Indexed ${this.workspaceRoleFiles} role files out of ${files.length} Markdown files in ${Date.now() - started} ms.`);
  }

  /** Lists the local folders (DirectFs.list) and reads what it finds; `read` gets each URI read. */
  private async headStart(folders: readonly vscode.WorkspaceFolder[], read: Set<string>, cancel: vscode.CancellationToken): Promise<void> {
    const list = this.direct?.list;
    if (!list) return;
    const found = await Promise.all(folders.map((f) => list(f.uri).catch(() => [])));
    // (Nested workspace folders list a file twice.)
    const files = found.flat().filter((u) => !read.has(u.toString()) && read.add(u.toString()));
    await this.readAll(files, cancel, true);
  }

  /**
   * Reads the files, at most READ_CONCURRENCY at once, each as soon as a read before it ends.
   * `early`: reads of the scan's head start, before findFiles answered; unlike an event's, they do
   * not keep a file findFiles leaves out.
   */
  private async readAll(files: readonly vscode.Uri[], cancel: vscode.CancellationToken, early = false): Promise<void> {
    let next = 0;
    const worker = async () => {
      while (next < files.length && !cancel.isCancellationRequested && !this.disposed) await this.read(files[next++], true, early);
    };
    await Promise.all(Array.from({ length: Math.min(READ_CONCURRENCY, files.length) }, worker));
  }

  /**
   * Begins an operation on a URI: it supersedes the one in flight (whose timer, if any, is cleared).
   * `touch` false: the scan's own head-start read, which does not count as news for the scan.
   */
  private token(uri: string, touch = true): number {
    const t = this.nextToken++;
    this.tokens.set(uri, t);
    const timer = this.timers.get(uri);
    if (timer) clearTimeout(timer);
    this.timers.delete(uri);
    if (touch) for (const touched of this.touchedDuringScan) touched.add(uri);
    return t;
  }

  /** Ends an operation: whether it is still the latest (then its result counts). */
  private finish(uri: string, token: number): boolean {
    if (this.tokens.get(uri) !== token) return false;
    this.tokens.delete(uri);
    return true;
  }

  /** How many URIs have an operation in flight, and how many timers wait (for the tests). */
  get pending(): { operations: number; timers: number } {
    return { operations: this.tokens.size, timers: this.timers.size };
  }

  private openDocument(uri: vscode.Uri): vscode.TextDocument | undefined {
    const key = uri.toString();
    return vscode.workspace.textDocuments.find((d) => d.uri.toString() === key && !d.isClosed);
  }

  private fromDisk(uri: vscode.Uri): void {
    if (this.disposed) return;
    // Only Markdown files are role files: a created `out/data.yml` or `.bin` is not even read.
    if (!isMarkdownPath(uri)) return this.index.has(uri.toString()) ? this.remove(uri) : undefined;
    if (this.openDocument(uri)) return; // the editor's text is the truth while it is open
    void this.read(uri, false);
  }

  private async read(uri: vscode.Uri, quiet: boolean, early = false): Promise<void> {
    const key = uri.toString();
    const token = this.token(key, !early);
    let text: string | undefined;
    try {
      text = await this.load(uri, this.index.has(key) || this.isForced(uri));
    } catch (e) {
      if (!this.finish(key, token)) return;
      // A role file too large to read is said even during a scan: it is missing from the handbook.
      if (e instanceof TooLargeError) this.log.warn(`Not indexed: ${key}: ${e.message}`);
      else if (!quiet) this.log.warn(`Could not read ${key}: ${errorMessage(e)}`);
      this.collect(this.index.delete(key).affected, key);
      if (!quiet) this.scheduleFlush();
      return;
    }
    if (!this.finish(key, token) || this.openDocument(uri) || this.disposed) return;
    // Not a role file (only its start was read), and not one before either.
    if (text === undefined) return;
    // A watcher can report a file while its writer has written nothing yet, and fold the write's
    // own change event into that one: look again once the writer is likely done (unless a newer
    // operation on the file comes first: that clears this timer).
    if (text.length === 0 && !quiet)
      this.timers.set(
        key,
        setTimeout(() => {
          this.timers.delete(key);
          this.fromDisk(uri);
        }, SETTLE_MS),
      );
    this.apply(uri, text);
    if (!quiet) this.scheduleFlush();
  }

  /**
   * The text of a Markdown file for the index: all of it when it is (or is to be taken as) a role
   * file; else its first 64 KB decide (mightBeRoleFile), and the rest of a file that cannot be a role
   * file is not read (undefined). workspace.fs reads whole files, so without a direct reader (the
   * browser host) a large file is read but only its start is decoded and looked at. A role file
   * over MAX_ROLE_FILE_BYTES (the CLI's limit) is not indexed: TooLargeError. The direct reader
   * stops reading there; workspace.fs reads it whole, but it is neither decoded nor parsed.
   */
  private async load(uri: vscode.Uri, whole: boolean): Promise<string | undefined> {
    if (!whole) {
      const head = await this.direct?.read(uri, HEAD_BYTES);
      if (head) {
        // (A character cut at the end of the head only costs a U+FFFD there.)
        const start = this.decoder.decode(head.bytes);
        if (head.whole) return start;
        if (!mightBeRoleFile(start)) return undefined;
      }
    }
    const direct = await this.direct?.read(uri, MAX_ROLE_FILE_BYTES);
    const bytes = direct?.bytes ?? (await vscode.workspace.fs.readFile(uri));
    if (!whole && bytes.length > HEAD_BYTES && !mightBeRoleFile(this.decoder.decode(bytes.subarray(0, HEAD_BYTES)))) return undefined;
    if ((direct && !direct.whole) || bytes.length > MAX_ROLE_FILE_BYTES)
      throw new TooLargeError(`larger than ${MAX_ROLE_FILE_BYTES / 1024 / 1024} MB, the largest role file read`);
    return this.decoder.decode(bytes);
  }

  private apply(uri: vscode.Uri, text: string): void {
    const key = uri.toString();
    const forced = this.isForced(uri);
    // A file indexed before stays indexed (its findings say why it no longer is a role).
    if (!this.index.has(key) && !roleFileReason(forced, text)) return;
    const result = this.index.set(key, text, { forceRoleFile: forced });
    this.collect(result.affected, key);
  }

  /** Applies an open document's text (after `delay`); `flush` false: the caller reports the change. */
  private fromDocument(doc: vscode.TextDocument, delay: number, flush = true): void {
    if (doc.uri.scheme === BUILTIN_SCHEME || doc.languageId !== 'markdown') return;
    if (doc.uri.scheme !== 'file' && doc.uri.scheme !== 'untitled' && !vscode.workspace.getWorkspaceFolder(doc.uri)) return;
    const key = doc.uri.toString();
    const token = this.token(key);
    const run = () => {
      this.timers.delete(key);
      if (!this.finish(key, token) || doc.isClosed || this.disposed) return;
      this.apply(doc.uri, doc.getText());
      if (!flush) return;
      this.updateBuiltins();
      this.flush();
    };
    if (delay <= 0) run();
    else this.timers.set(key, setTimeout(run, delay));
  }

  /** Applies a document's pending edit at once (commands and tests that must see the latest text). */
  syncDocument(doc: vscode.TextDocument): void {
    this.fromDocument(doc, 0);
  }

  private onClosed(doc: vscode.TextDocument): void {
    if (doc.uri.scheme === 'untitled') return this.remove(doc.uri);
    if (!isMarkdownPath(doc.uri)) return this.index.has(doc.uri.toString()) ? this.remove(doc.uri) : undefined;
    // An editor closed without saving leaves the disk content as the truth.
    if (doc.uri.scheme !== BUILTIN_SCHEME && this.index.has(doc.uri.toString())) void this.read(doc.uri, true).then(() => this.flush());
  }

  /** Forgets a file, or every file under a folder (a deleted or renamed folder reports only itself). */
  private remove(uri: vscode.Uri): void {
    const key = uri.toString();
    const prefix = key.endsWith('/') ? key : `${key}/`;
    for (const k of [key, ...this.index.uris().filter((u) => u.startsWith(prefix))]) {
      // Whatever was in flight for it is void (its timer cleared); nothing is left pending.
      this.finish(k, this.token(k));
      this.collect(this.index.delete(k).affected, k);
    }
    this.updateBuiltins();
    this.scheduleFlush();
  }

  /** Reads a file, or every Markdown file under a folder, that appeared by a rename. */
  private async added(uri: vscode.Uri): Promise<void> {
    const stat = await Promise.resolve(vscode.workspace.fs.stat(uri)).catch(() => undefined);
    if (!stat || !(stat.type & vscode.FileType.Directory)) return this.fromDisk(uri);
    for (const u of await vscode.workspace.findFiles(new vscode.RelativePattern(uri, MARKDOWN_GLOB), EXCLUDE_GLOB)) this.fromDisk(u);
  }

  /** The built-ins stand in while the workspace has no role file of its own. */
  private updateBuiltins(): void {
    const mode = this.builtinMode;
    const workspaceFiles = this.workspaceRoleFiles;
    const want = mode !== 'never' && workspaceFiles === 0;
    if (want === this.builtinsActive) return;
    this.builtinsActive = want;
    for (const [uri, text] of builtinFiles()) {
      const r = want ? this.index.set(uri, text, { builtin: true, forceRoleFile: true }) : this.index.delete(uri);
      this.collect(r.affected, uri);
    }
  }

  private collect(affected: ReadonlySet<string>, uri: string): void {
    for (const a of affected) this.pendingAffected.add(a);
    this.pendingAffected.add(uri);
  }

  private scheduleFlush(): void {
    if (!this.flushTimer && !this.disposed) this.flushTimer = setTimeout(() => this.flush(), 30);
  }

  private flush(): void {
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.flushTimer = undefined;
    this.updateBuiltins();
    if (this.pendingAffected.size === 0) return;
    const affected = this.pendingAffected;
    this.pendingAffected = new Set();
    this.changed.fire({ affected });
  }

  dispose(): void {
    this.disposed = true;
    this.scans.cancel();
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
    this.tokens.clear();
    if (this.flushTimer) clearTimeout(this.flushTimer);
    for (const d of this.disposables) d.dispose();
  }
}
