/**
 * The host side of a webview panel (compare, responsibility map, org chart, ladders, handbook
 * changes): a panel subclasses PanelHost and writes only what is its own — the model it posts
 * (`onReady`, `send`) and the requests it answers (`handle`). The host sets the panel up (strict
 * CSP with a nonce, util/webview.ts), validates every page message with the page's protocol
 * (src/core/protocol/NAMEProtocol.ts) before anything else sees it, answers the two messages every
 * page sends (`ready`, `rendered`), logs and reports refusals, posts only to a page that listens
 * and is not closed, and stops listening on dispose. Loaded with the panels (lazily), never by
 * dist/extension.js itself.
 */
import * as vscode from 'vscode';
import type { FeatureContext } from '../featureContext';
import { describeMessage, setUpPanel, type PanelEvents, type WebviewPage } from './webview';

/** What every page sends: `ready` once it listens, `rendered` after it drew a model. */
type Lifecycle = { type: 'ready' } | { type: 'rendered' };

/** A page's own requests: every validated message but `ready` and `rendered`. */
export type PageRequest<In> = Exclude<In, Lifecycle>;

/** The `rendered` report of a page. */
export type Rendered<In> = Extract<In, { type: 'rendered' }>;

export interface PanelPage<In> extends WebviewPage {
  /** The page's protocol validator: the message, or undefined for anything malformed. */
  parse(raw: unknown): In | undefined;
  /** How the log names the panel ("Compare view: refused a message …"). */
  logName: string;
}

export abstract class PanelHost<In extends { type: string }, Out, M> implements vscode.Disposable {
  private listening = false;
  protected disposed = false;
  protected readonly disposables: vscode.Disposable[] = [];

  constructor(
    readonly panel: vscode.WebviewPanel,
    protected readonly ctx: FeatureContext,
    protected readonly events: PanelEvents<M, Rendered<In>>,
    private readonly page: PanelPage<In>,
    onDispose: () => void,
  ) {
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

  /** The page listens (it sent `ready`). */
  protected get ready(): boolean {
    return this.listening;
  }

  /** Handles a message as the page sent it (tests send theirs through here); resolves to whether it was accepted. */
  async receive(raw: unknown): Promise<boolean> {
    const msg = this.page.parse(raw);
    if (!msg) return this.reject(raw, 'malformed');
    if (msg.type === 'ready') {
      this.listening = true;
      this.onReady();
      return true;
    }
    if (msg.type === 'rendered') {
      this.events.render.fire(msg as Rendered<In>);
      return true;
    }
    return this.handle(msg as PageRequest<In>, raw);
  }

  /** The page listens now (first load, or a reload of the webview): post what it shows. */
  protected abstract onReady(): void;

  /** A validated request of the page; `raw` is what to report should it be refused. */
  protected abstract handle(msg: PageRequest<In>, raw: unknown): Promise<boolean> | boolean;

  /** Posts to the page; false (nothing posted) until it listens, and once the panel is closed. */
  protected send(message: Out): boolean {
    if (!this.listening || this.disposed) return false;
    void this.panel.webview.postMessage(message);
    return true;
  }

  /** Refuses a message: logged (cut to 200 characters) and reported to onDidReject. */
  protected reject(raw: unknown, why: string): false {
    this.ctx.log.warn(`${this.page.logName}: refused a message (${why}): ${describeMessage(raw)}`);
    this.events.reject.fire(raw);
    return false;
  }

  /** Opens a place the page pointed at, beside the panel, as a preview. */
  protected async openBeside(uri: vscode.Uri, selection: vscode.Range): Promise<void> {
    await vscode.window.showTextDocument(uri, { selection, viewColumn: vscode.ViewColumn.Beside, preview: true });
  }

  /** Copies `text` to the clipboard and says so with `done`. */
  protected async copy(text: string, done: string): Promise<void> {
    await vscode.env.clipboard.writeText(text);
    void vscode.window.showInformationMessage(done);
  }

  /** Stops listening to the page (the webview panel itself stays: see PanelSlot). */
  dispose(): void {
    this.disposed = true;
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}
