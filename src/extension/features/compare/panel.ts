/**
 * The comparison panel: keeps the webview's model in step with the handbook and handles what the
 * page sends. Loaded on first use (src/extension/util/lazy.ts) by compareView.ts, which owns the
 * commands and the serializer.
 */
import * as vscode from 'vscode';
import { compareRoles, comparisonToMarkdown, comparisonUris, type MarkdownLabels } from '../../../core/compare';
import {
  parseWebviewMessage,
  sideRef as ref,
  type CompareState,
  type CompareViewModel,
  type HostMessage,
  type RoleChoice,
  type SideRef,
  type WebviewMessage,
} from '../../../core/protocol/compareProtocol';
import type { Role } from '../../../core/types';
import type { FeatureContext } from '../../featureContext';
import { toVsRange } from '../../util/ranges';
import { compareLabels } from '../../util/compareLabels';
import { allRoles, roleByUri, roleResolver } from '../../util/roleChoice';
import { PanelHost, type PageRequest } from '../../util/panelHost';
import type { PanelEvents } from '../../util/webview';

export type Rendered = Extract<WebviewMessage, { type: 'rendered' }>;

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
    inheritedFrom: vscode.l10n.t('from {0}'),
  };
}

export class ComparePanel extends PanelHost<WebviewMessage, HostMessage, CompareViewModel> {
  private posted = '';
  model: CompareViewModel | undefined;

  constructor(
    panel: vscode.WebviewPanel,
    private state: CompareState,
    ctx: FeatureContext,
    events: PanelEvents<CompareViewModel, Rendered>,
    onDispose: () => void,
  ) {
    const page = { script: 'compare.js', style: 'compare.css', title: vscode.l10n.t('Compare Roles') };
    super(panel, ctx, events, { ...page, parse: parseWebviewMessage, logName: 'Compare view' }, onDispose);
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
    const choices: RoleChoice[] = allRoles(handbook).map((r) => ({
      uri: r.uri,
      id: r.id,
      title: r.title,
      type: r.type,
      builtin: !!r.builtin,
    }));
    const model: CompareViewModel = { left: this.state.left, right: this.state.right, choices, labels: compareLabels() };
    if (left && right) model.comparison = compareRoles(left, right, roleResolver(handbook));
    else model.missing = vscode.l10n.t('No role "{0}" in the handbook any more.', (left ? this.state.right : this.state.left).id);
    this.model = model;
    this.panel.title =
      left && right ? vscode.l10n.t('Compare: {0} ↔ {1}', shortName(left), shortName(right)) : vscode.l10n.t('Compare Roles');
    const json = JSON.stringify(model);
    if (json !== this.posted) {
      this.posted = json;
      this.onReady();
      this.events.update.fire(model);
    }
    return model;
  }

  protected onReady(): void {
    if (this.model) this.send({ type: 'model', model: this.model });
  }

  protected async handle(msg: PageRequest<WebviewMessage>, raw: unknown): Promise<boolean> {
    switch (msg.type) {
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
        const c = this.model?.comparison;
        if (!c || !comparisonUris(c).has(msg.uri)) return this.reject(raw, 'URI not in the comparison');
        await this.openBeside(vscode.Uri.parse(msg.uri), toVsRange(msg));
        return true;
      }
      case 'copyMarkdown': {
        const c = this.model?.comparison;
        if (!c) return false;
        await this.copy(comparisonToMarkdown(c, markdownLabels()), vscode.l10n.t('Copied the comparison as a Markdown table.'));
        return true;
      }
    }
  }
}

function shortName(role: Role): string {
  return role.aliases[0]?.value ?? role.title;
}
