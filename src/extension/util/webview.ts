/**
 * What the webview panels share: panel options limited to the extension's media folders, the HTML
 * shell with its strict content security policy, the message/dispose wiring, how a refused message
 * is shown in the log, and the slot of the one open panel of a kind (PanelSlot). The host class
 * the panels extend is util/panelHost.ts, loaded with them.
 *
 * The policy: `default-src 'none'`; styles, images and fonts only from `webview.cspSource`; the
 * one script only with a fresh nonce. No 'unsafe-inline', no inline handlers.
 */
import * as vscode from 'vscode';

/** Options of `createWebviewPanel` for a page of this extension. */
export const PANEL_OPTIONS: vscode.WebviewPanelOptions & vscode.WebviewOptions = {
  enableScripts: true,
  enableFindWidget: true,
};

/** A new panel of this extension's kind `viewType`, in the active editor column. */
export function createPagePanel(viewType: string, title: string): vscode.WebviewPanel {
  return vscode.window.createWebviewPanel(viewType, title, vscode.ViewColumn.Active, PANEL_OPTIONS);
}

/** A page: its script (dist/media/<script>) and its own stylesheet (media/<style>, linked after media/common.css). */
export interface WebviewPage {
  script: string;
  style: string;
  /** Already localised; escaped here. */
  title: string;
}

export function nonce(): string {
  const bytes = new Uint8Array(18);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The page's HTML: CSP, the common then the page's stylesheet, an empty <main id="app"> and the nonce'd script. */
export function webviewHtml(webview: vscode.Webview, extensionUri: vscode.Uri, page: WebviewPage): string {
  const n = nonce();
  const script = webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'dist', 'media', page.script));
  const styles = ['common.css', page.style].map((name) => webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'media', name)));
  const csp = [
    `default-src 'none'`,
    `style-src ${webview.cspSource}`,
    `img-src ${webview.cspSource}`,
    `font-src ${webview.cspSource}`,
    `script-src 'nonce-${n}'`,
  ].join('; ');
  const lang = vscode.env.language.replace(/[^A-Za-z0-9-]/g, '') || 'en';
  return `<!DOCTYPE html>
<html lang="${lang}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
${styles.map((style) => `<link rel="stylesheet" href="${style.toString()}">`).join('\n')}
<title>${escapeHtml(page.title)}</title>
</head>
<body>
<main id="app" aria-live="polite"></main>
<script nonce="${n}" src="${script.toString()}"></script>
</body>
</html>`;
}

/**
 * Sets up a (new or restored) panel for a page: scripts on, command URIs off, local resources
 * only from media/ and dist/media/, the handbook icon and the HTML shell. Then routes the page's
 * messages to `onMessage` and calls `onDispose` once the panel is closed; the returned
 * disposables stop both.
 */
export function setUpPanel(
  panel: vscode.WebviewPanel,
  extensionUri: vscode.Uri,
  page: WebviewPage,
  onMessage: (raw: unknown) => void,
  onDispose: () => void,
): vscode.Disposable[] {
  panel.webview.options = {
    enableScripts: true,
    enableCommandUris: false,
    localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'media'), vscode.Uri.joinPath(extensionUri, 'dist', 'media')],
  };
  panel.iconPath = vscode.Uri.joinPath(extensionUri, 'media', 'icons', 'handbook.svg');
  panel.webview.html = webviewHtml(panel.webview, extensionUri, page);
  return [panel.webview.onDidReceiveMessage(onMessage), panel.onDidDispose(onDispose)];
}

/** A refused message as shown in the log: its JSON, cut to 200 characters. */
export function describeMessage(raw: unknown): string {
  try {
    return JSON.stringify(raw)?.slice(0, 200) ?? String(raw);
  } catch {
    return String(raw);
  }
}

/** The events of a panel kind, which its feature exposes to the tests. */
export interface PanelEvents<M, R> {
  /** The panel's model changed (and was posted, or will be once the page listens). */
  update: vscode.EventEmitter<M>;
  /** The page reported what it drew. */
  render: vscode.EventEmitter<R>;
  /** A message was refused by the protocol's validator or by the panel's own checks. */
  reject: vscode.EventEmitter<unknown>;
}

/** What the tests see of every panel kind (each feature's API adds its own). */
export interface PanelApi<M, R> {
  panel(): vscode.WebviewPanel | undefined;
  /** Handles a message exactly as if the page had sent it; resolves to whether it was accepted. */
  receive(raw: unknown): Promise<boolean>;
  readonly onDidUpdate: vscode.Event<M>;
  readonly onDidRender: vscode.Event<R>;
  readonly onDidReject: vscode.Event<unknown>;
}

/** A panel host as the slot sees it (util/panelHost.ts, loaded with the panels). */
interface Hosted {
  readonly panel: vscode.WebviewPanel;
  receive(raw: unknown): Promise<boolean>;
  dispose(): void;
}

/**
 * The one open panel of a kind: a command reveals and reuses it, a new (or restored) webview panel
 * replaces it, closing it empties the slot. Disposing the slot stops the host listening and leaves
 * the webview panel open: the serializer restores it after a reload.
 */
export class PanelSlot<P extends Hosted, M, R> implements vscode.Disposable {
  current: P | undefined;
  readonly events: PanelEvents<M, R> = {
    update: new vscode.EventEmitter<M>(),
    render: new vscode.EventEmitter<R>(),
    reject: new vscode.EventEmitter<unknown>(),
  };

  /**
   * Puts a host on `panel` in the slot, closing the panel there before (unless it is this one).
   * `create` gets the callback its host calls when the panel closes; `closed` runs then too.
   */
  attach(panel: vscode.WebviewPanel, create: (onDispose: () => void) => P, closed?: (host: P) => void): P {
    if (this.current && this.current.panel !== panel) this.current.panel.dispose();
    const host = create(() => {
      closed?.(host);
      if (this.current === host) this.current = undefined;
    });
    this.current = host;
    return host;
  }

  /** The open panel, brought to the front; undefined when none is open. */
  revealed(): P | undefined {
    this.current?.panel.reveal(undefined, false);
    return this.current;
  }

  /** The part of the feature's test API every panel kind has. */
  api(): PanelApi<M, R> {
    return {
      panel: () => this.current?.panel,
      receive: (raw) => (this.current ? this.current.receive(raw) : Promise.resolve(false)),
      onDidUpdate: this.events.update.event,
      onDidRender: this.events.render.event,
      onDidReject: this.events.reject.event,
    };
  }

  dispose(): void {
    this.current?.dispose();
    for (const e of Object.values(this.events) as vscode.Disposable[]) e.dispose();
  }
}
