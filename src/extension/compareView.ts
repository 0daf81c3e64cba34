/**
 * The role-comparison webview: two roles side by side with what they share set apart, pickers to
 * swap either side, live updates, "Copy as Markdown table", and a serializer so the panel
 * survives a reload. Commands: handbookRoles.compareRoles, handbookRoles.compareWith.
 *
 * The page (media/compare.ts) builds its DOM with textContent only and talks to this file through
 * the typed protocol in src/core/protocol/compareProtocol.ts; every message it sends is validated
 * there, and the URIs it names must belong to the roles this panel offered.
 */
import * as vscode from 'vscode';
import { compareRoles, comparisonToMarkdown, type MarkdownLabels } from '../core/compare';
import {
  COMPARE_VIEW_TYPE,
  parseCompareState,
  parseWebviewMessage,
  type CompareLabels,
  type CompareState,
  type CompareViewModel,
  type HostMessage,
  type RoleChoice,
  type SideRef,
  type WebviewMessage,
} from '../core/protocol/compareProtocol';
import type { Role } from '../core/types';
import type { Feature, FeatureContext } from './featureContext';
import { toVsRange } from './util/ranges';
import { allRoles, findRole, pickRole, roleByUri, roleResolver } from './util/roleChoice';
import { describeMessage, PANEL_OPTIONS, setUpPanel } from './util/webview';

type Rendered = Extract<WebviewMessage, { type: 'rendered' }>;

/** What the tests (and other extensions) see of the comparison panel. */
export interface CompareViewApi {
  /** The model the open panel shows (undefined when no panel is open). */
  current(): CompareViewModel | undefined;
  panel(): vscode.WebviewPanel | undefined;
  /** Handles a message exactly as if the page had sent it; resolves to whether it was accepted. */
  receive(raw: unknown): Promise<boolean>;
  /** Fires when the panel's model changes (opened, swapped, a role file changed). */
  readonly onDidUpdate: vscode.Event<CompareViewModel>;
  /** Fires when the page reports that it rendered a model. */
  readonly onDidRender: vscode.Event<Rendered>;
  /** Fires for every message refused by the validator or by the URI check. */
  readonly onDidReject: vscode.Event<unknown>;
  /** What the panel serializer does with a panel VS Code restores: false (and the panel closed) for a bad state. */
  restore(panel: vscode.WebviewPanel, state: unknown): Promise<boolean>;
}

function compareLabels(): CompareLabels {
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
    nothing: vscode.l10n.t('None'),
    noRelationships: vscode.l10n.t('The two roles declare no relationship with each other.'),
    direction: vscode.l10n.t('{0} → {1}'),
    openAt: vscode.l10n.t('Open {0} at line {1}'),
    summaryMissing: vscode.l10n.t('No summary.'),
  };
}

function markdownLabels(): MarkdownLabels {
  return {
    section: vscode.l10n.t('Section'),
    type: vscode.l10n.t('Type'),
    focus: vscode.l10n.t('Focus'),
    responsibilities: vscode.l10n.t('Responsibilities'),
    successCriteria: vscode.l10n.t('Success criteria'),
    relationships: vscode.l10n.t('Relationships'),
    shared: vscode.l10n.t('shared'),
    sharedFrom: vscode.l10n.t('shared from {0}'),
  };
}

const ref = (role: Role): SideRef => ({ uri: role.uri, id: role.id });

class ComparePanel implements vscode.Disposable {
  private ready = false;
  private posted = '';
  model: CompareViewModel | undefined;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    readonly panel: vscode.WebviewPanel,
    private state: CompareState,
    private readonly ctx: FeatureContext,
    private readonly events: { update: vscode.EventEmitter<CompareViewModel>; render: vscode.EventEmitter<Rendered>; reject: vscode.EventEmitter<unknown> },
    onDispose: () => void,
  ) {
    const page = { script: 'compare.js', style: 'compare.css', title: vscode.l10n.t('Compare Roles') };
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
    this.update();
  }

  private resolve(side: SideRef): Role | undefined {
    const { handbook } = this.ctx;
    return roleByUri(handbook, side.uri) ?? handbook.index.resolve(side.id) ?? handbook.builtinIndex.resolve(side.id);
  }

  setSides(left: SideRef, right: SideRef): CompareViewModel {
    this.state = { left, right };
    return this.update();
  }

  /** Recomputes the model from the index; posts it when it changed. */
  update(): CompareViewModel {
    const { handbook } = this.ctx;
    const left = this.resolve(this.state.left);
    const right = this.resolve(this.state.right);
    if (left) this.state.left = ref(left);
    if (right) this.state.right = ref(right);
    const choices: RoleChoice[] = allRoles(handbook).map((r) => ({ uri: r.uri, id: r.id, title: r.title, type: r.type, builtin: !!r.builtin }));
    const model: CompareViewModel = { left: this.state.left, right: this.state.right, choices, labels: compareLabels() };
    if (left && right) model.comparison = compareRoles(left, right, roleResolver(handbook));
    else model.missing = vscode.l10n.t('No role "{0}" in the handbook any more.', (left ? this.state.right : this.state.left).id);
    this.model = model;
    this.panel.title = left && right ? vscode.l10n.t('Compare: {0} ↔ {1}', shortName(left), shortName(right)) : vscode.l10n.t('Compare Roles');
    const json = JSON.stringify(model);
    if (json !== this.posted) {
      this.posted = json;
      this.post();
      this.events.update.fire(model);
    }
    return model;
  }

  private post(): void {
    if (!this.ready || !this.model) return;
    const message: HostMessage = { type: 'model', model: this.model };
    void this.panel.webview.postMessage(message);
  }

  /** URIs the page may ask to open: the two roles and every file an item of theirs comes from. */
  private allowedUris(): Set<string> {
    const c = this.model?.comparison;
    const out = new Set<string>();
    if (!c) return out;
    out.add(c.left.uri).add(c.right.uri);
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
      case 'swap':
        this.setSides(this.state.right, this.state.left);
        return true;
      case 'pick': {
        if (!this.model?.choices.some((c) => c.uri === msg.uri)) return this.reject(raw, 'unknown role');
        const role = roleByUri(this.ctx.handbook, msg.uri);
        if (!role) return this.reject(raw, 'unknown role');
        if (msg.side === 'left') this.setSides(ref(role), this.state.right);
        else this.setSides(this.state.left, ref(role));
        return true;
      }
      case 'open': {
        if (!this.allowedUris().has(msg.uri)) return this.reject(raw, 'URI not in the comparison');
        const range = toVsRange({ line: msg.line, column: msg.column, endLine: msg.endLine, endColumn: msg.endColumn });
        await vscode.window.showTextDocument(vscode.Uri.parse(msg.uri), { selection: range, viewColumn: vscode.ViewColumn.Beside, preview: true });
        return true;
      }
      case 'copyMarkdown': {
        const c = this.model?.comparison;
        if (!c) return false;
        await vscode.env.clipboard.writeText(comparisonToMarkdown(c, markdownLabels()));
        void vscode.window.showInformationMessage(vscode.l10n.t('Copied the comparison as a Markdown table.'));
        return true;
      }
    }
  }

  private reject(raw: unknown, why: string): false {
    this.ctx.log.warn(`Compare view: refused a message (${why}): ${describeMessage(raw)}`);
    this.events.reject.fire(raw);
    return false;
  }

  dispose(): void {
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}

function shortName(role: Role): string {
  return role.aliases[0]?.value ?? role.title;
}

/** A role from a command argument: a tree node (or anything with a role), a URI or a reference. */
function roleOfArg(ctx: FeatureContext, arg: unknown): Role | undefined {
  if (typeof arg === 'object' && arg !== null && !(arg instanceof vscode.Uri)) {
    const node = arg as { role?: { uri?: unknown }; uri?: unknown };
    const uri = typeof node.role?.uri === 'string' ? node.role.uri : typeof node.uri === 'string' ? node.uri : undefined;
    return uri ? roleByUri(ctx.handbook, uri) : undefined;
  }
  return findRole(ctx.handbook, arg);
}

export const registerCompareView: Feature = (ctx) => {
  const { handbook } = ctx;
  const events = { update: new vscode.EventEmitter<CompareViewModel>(), render: new vscode.EventEmitter<Rendered>(), reject: new vscode.EventEmitter<unknown>() };
  let current: ComparePanel | undefined;

  const attach = (panel: vscode.WebviewPanel, state: CompareState): ComparePanel => {
    if (current && current.panel !== panel) current.panel.dispose();
    const created: ComparePanel = new ComparePanel(panel, state, ctx, events, () => {
      if (current === created) current = undefined;
    });
    current = created;
    return created;
  };

  const show = (left: Role, right: Role): CompareViewModel => {
    if (current) {
      current.panel.reveal(undefined, false);
      return current.setSides(ref(left), ref(right));
    }
    const panel = vscode.window.createWebviewPanel(COMPARE_VIEW_TYPE, vscode.l10n.t('Compare Roles'), vscode.ViewColumn.Active, PANEL_OPTIONS);
    return attach(panel, { left: ref(left), right: ref(right) }).model!;
  };

  const warnUnknown = (arg: unknown) => void vscode.window.showWarningMessage(vscode.l10n.t('No role named "{0}".', String(arg)));

  /** compareRoles(a?, b?): with two roles it opens at once and returns the panel's model. */
  const compareCommand = async (a?: unknown, b?: unknown): Promise<CompareViewModel | undefined> => {
    await handbook.ready;
    const left = a === undefined ? await pickRole(handbook, vscode.l10n.t('Compare which role?')) : roleOfArg(ctx, a);
    if (!left) {
      if (a !== undefined) warnUnknown(a);
      return undefined;
    }
    const right = b === undefined ? await pickRole(handbook, vscode.l10n.t('Compare {0} with which role?', left.title), left.uri) : roleOfArg(ctx, b);
    if (!right) {
      if (b !== undefined) warnUnknown(b);
      return undefined;
    }
    return show(left, right);
  };

  /** compareWith(node): the node's role against one the user picks; on a relationship, its two roles. */
  const compareWith = async (node?: unknown): Promise<CompareViewModel | undefined> => {
    await handbook.ready;
    const role = roleOfArg(ctx, node) ?? (await pickRole(handbook, vscode.l10n.t('Compare which role?')));
    if (!role) return undefined;
    const target = (node as { kind?: unknown; target?: { uri?: unknown } } | undefined)?.target;
    if ((node as { kind?: unknown } | undefined)?.kind === 'relationship' && typeof target?.uri === 'string') {
      const other = roleByUri(handbook, target.uri);
      if (other) return show(role, other);
    }
    const other = await pickRole(handbook, vscode.l10n.t('Compare {0} with which role?', role.title), role.uri);
    return other ? show(role, other) : undefined;
  };

  const restore = async (panel: vscode.WebviewPanel, raw: unknown): Promise<boolean> => {
    const state = parseCompareState(raw);
    if (!state) {
      ctx.log.warn('Compare view: nothing to restore.');
      panel.dispose();
      return false;
    }
    await handbook.ready;
    attach(panel, state);
    return true;
  };

  ctx.api.compare = {
    current: () => current?.model,
    panel: () => current?.panel,
    receive: (raw) => (current ? current.receive(raw) : Promise.resolve(false)),
    onDidUpdate: events.update.event,
    onDidRender: events.render.event,
    onDidReject: events.reject.event,
    restore,
  };

  return vscode.Disposable.from(
    events.update,
    events.render,
    events.reject,
    // The panel itself stays open on deactivation: the serializer restores it after a reload.
    { dispose: () => current?.dispose() },
    handbook.onDidChange(() => current?.update()),
    vscode.commands.registerCommand('handbookRoles.compareRoles', compareCommand),
    vscode.commands.registerCommand('handbookRoles.compareWith', compareWith),
    vscode.window.registerWebviewPanelSerializer(COMPARE_VIEW_TYPE, {
      async deserializeWebviewPanel(panel, raw) {
        await restore(panel, raw);
      },
    }),
  );
};
