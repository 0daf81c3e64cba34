/**
 * The org chart and ladder panels: they post the laid-out chart / the ladders to their pages and
 * handle what the pages send (validated by the protocols, then checked against what was posted).
 * Loaded on first use (see index.ts): the layout library comes in this bundle only.
 */
import * as vscode from 'vscode';
import { buildOrgChart } from '../../../core/org/chart';
import { buildLadderModel } from '../../../core/org/ladderView';
import { orgToMermaid } from '../../../core/org/render';
import { reportingLines } from '../../../core/org/reporting';
import { orgChartSvg } from '../../../core/org/svg';
import { subtreeLines } from '../../../core/org/chart';
import {
  parseLadderMessage,
  type HostToLadder,
  type LadderLabels,
  type LadderModel,
  type LadderToHost,
} from '../../../core/protocol/ladderProtocol';
import { parseOrgMessage, type HostToOrg, type OrgChart, type OrgLabels, type OrgToHost } from '../../../core/protocol/orgProtocol';
import type { Role } from '../../../core/types';
import type { FeatureContext } from '../../featureContext';
import { toVsRange } from '../../util/ranges';
import { PanelHost, type PageRequest } from '../../util/panelHost';
import type { PanelEvents } from '../../util/webview';

export type OrgRendered = Extract<OrgToHost, { type: 'rendered' }>;

function orgLabels(): OrgLabels {
  return {
    subtree: vscode.l10n.t('Subtree of'),
    allRoles: vscode.l10n.t('Everyone'),
    copyMermaid: vscode.l10n.t('Copy as Mermaid'),
    saveSvg: vscode.l10n.t('Save as SVG…'),
    summary: vscode.l10n.t('{0} roles · {1} reporting lines'),
    cycles: vscode.l10n.t('{0} reporting lines on a cycle'),
    open: vscode.l10n.t('Open {0}'),
    level: vscode.l10n.t('level {0}'),
    empty: vscode.l10n.t('No reporting lines yet: add relationships of kind reports-to or manages to your roles.'),
    tooLarge: vscode.l10n.t('{0} roles: choose a subtree to draw.'),
    reportsTo: vscode.l10n.t('{0} reports to {1}'),
    builtin: vscode.l10n.t('built-in'),
  };
}

function ladderLabels(): LadderLabels {
  return {
    ladder: vscode.l10n.t('Ladder'),
    allLadders: vscode.l10n.t('All ladders'),
    level: vscode.l10n.t('level {0}'),
    noLevel: vscode.l10n.t('no level'),
    extendsRole: vscode.l10n.t('extends {0}'),
    adds: vscode.l10n.t('Adds'),
    criteria: vscode.l10n.t('Success criteria'),
    inherited: vscode.l10n.t('+ {0} inherited'),
    nothingAdded: vscode.l10n.t('Adds no responsibility of its own.'),
    open: vscode.l10n.t('Open {0} at line {1}'),
    empty: vscode.l10n.t('No ladders yet: a ladder is a chain of roles that extend each other (extends, level).'),
  };
}

/** The workspace roles the views show (the built-ins only when they stand in for an empty workspace). */
function rolesOf(ctx: FeatureContext): Role[] {
  return ctx.handbook.index.roles();
}

/** Where a role opens: at its id, or at a line and column of its file. */
function rolePlace(role: Role, line?: number, column = 1): [vscode.Uri, vscode.Range] {
  const selection = line === undefined ? toVsRange(role.idRange) : new vscode.Range(line - 1, column - 1, line - 1, column - 1);
  return [vscode.Uri.parse(role.uri), selection];
}

export class OrgChartPanel extends PanelHost<OrgToHost, HostToOrg, OrgChart> {
  chart: OrgChart | undefined;
  copied: string | undefined;
  saved: string | undefined;

  constructor(
    panel: vscode.WebviewPanel,
    private root: string | undefined,
    ctx: FeatureContext,
    events: PanelEvents<OrgChart, OrgRendered>,
    onDispose: () => void,
  ) {
    const title = vscode.l10n.t('Org Chart');
    super(panel, ctx, events, { script: 'org.js', style: 'org.css', title, parse: parseOrgMessage, logName: 'Org chart' }, onDispose);
    panel.title = title;
  }

  /** Rebuilds the chart of the current handbook (for the subtree shown) and posts it. */
  update(root: string | null | undefined = this.root ?? null): OrgChart {
    this.root = root ?? undefined;
    this.chart = buildOrgChart(rolesOf(this.ctx), this.ctx.handbook.index.orgGraph(), this.root);
    this.onReady();
    this.events.update.fire(this.chart);
    return this.chart;
  }

  protected onReady(): void {
    if (this.chart) this.send({ type: 'chart', chart: this.chart, labels: orgLabels() });
  }

  private roleOnChart(key: string): Role | undefined {
    if (!this.chart?.choices.some((c) => c.key === key)) return undefined;
    return this.ctx.handbook.index.get(key)?.role;
  }

  /** The Mermaid of what the chart shows (the subtree, if filtered). */
  mermaid(): string {
    const lines = reportingLines(rolesOf(this.ctx), this.ctx.handbook.index.orgGraph());
    return orgToMermaid(subtreeLines(lines, this.chart?.root));
  }

  /**
   * Saves the chart as SVG: to `target` when given (refusing to replace an existing file), else
   * where the save dialog says (the dialog asks before replacing a file). Returns the URI written.
   */
  async saveSvg(target?: vscode.Uri): Promise<string | undefined> {
    if (!this.chart) return undefined;
    let uri = target;
    if (!uri) {
      const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
      uri = await vscode.window.showSaveDialog({
        defaultUri: folder ? vscode.Uri.joinPath(folder, 'org-chart.svg') : undefined,
        filters: { SVG: ['svg'] },
        saveLabel: vscode.l10n.t('Save Org Chart'),
      });
      if (!uri) return undefined;
    } else if (await exists(uri)) {
      void vscode.window.showWarningMessage(
        vscode.l10n.t('{0} already exists: the org chart was not saved.', uri.path.split('/').pop() ?? uri.toString()),
      );
      return undefined;
    }
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(orgChartSvg(this.chart, vscode.l10n.t('Org Chart'))));
    this.saved = uri.toString();
    void vscode.window.showInformationMessage(vscode.l10n.t('Saved the org chart as {0}.', uri.path.split('/').pop() ?? uri.toString()));
    return this.saved;
  }

  protected async handle(msg: PageRequest<OrgToHost>, raw: unknown): Promise<boolean> {
    switch (msg.type) {
      case 'open': {
        const role = this.roleOnChart(msg.role);
        if (!role) return this.reject(raw, 'no such role on the chart');
        await this.openBeside(...rolePlace(role));
        return true;
      }
      case 'filter':
        if (msg.root !== null && !this.roleOnChart(msg.root)) return this.reject(raw, 'no such role on the chart');
        this.update(msg.root);
        return true;
      case 'copyMermaid':
        this.copied = this.mermaid();
        await this.copy(this.copied, vscode.l10n.t('Copied the org chart as a Mermaid flowchart.'));
        return true;
      case 'saveSvg':
        await this.saveSvg();
        return true;
    }
  }
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

export type LadderRendered = Extract<LadderToHost, { type: 'rendered' }>;

export class LadderPanel extends PanelHost<LadderToHost, HostToLadder, LadderModel> {
  model: LadderModel | undefined;

  constructor(panel: vscode.WebviewPanel, ctx: FeatureContext, events: PanelEvents<LadderModel, LadderRendered>, onDispose: () => void) {
    const title = vscode.l10n.t('Ladders');
    super(
      panel,
      ctx,
      events,
      { script: 'ladder.js', style: 'ladder.css', title, parse: parseLadderMessage, logName: 'Ladders' },
      onDispose,
    );
    panel.title = title;
  }

  update(): LadderModel {
    this.model = buildLadderModel(rolesOf(this.ctx), this.ctx.handbook.index.orgGraph());
    this.send({ type: 'ladders', model: this.model, labels: ladderLabels() });
    this.events.update.fire(this.model);
    return this.model;
  }

  protected onReady(): void {
    this.update();
  }

  protected async handle(msg: PageRequest<LadderToHost>, raw: unknown): Promise<boolean> {
    switch (msg.type) {
      case 'open': {
        const rung = this.model?.ladders.flatMap((l) => l.rungs).find((r) => r.key === msg.role);
        const role = rung ? this.ctx.handbook.index.get(rung.key)?.role : undefined;
        if (!rung || !role) return this.reject(raw, 'no such role in the view');
        if (msg.line !== undefined) {
          const item = [...rung.adds.responsibilities, ...rung.adds.successCriteria].find((i) => i.line === msg.line);
          if (!item) return this.reject(raw, 'no such item in the view');
          await this.openBeside(...rolePlace(role, item.line, item.column));
        } else await this.openBeside(...rolePlace(role));
        return true;
      }
    }
  }
}
