/**
 * The organisation views: the org chart (handbookRoles.showOrgChart: the reporting lines as cards
 * laid out by dagre, click to open, filter to a subtree, Copy as Mermaid, Save as SVG) and the
 * ladder view (handbookRoles.showLadders: each ladder's rungs side by side with what each adds),
 * with serializers so both survive a reload. The panels and the layout library load on first use
 * (panels.ts, a bundle of its own in the Node host). The pages (media/org.ts, media/ladder.ts)
 * build their DOM with textContent only and talk through src/core/protocol/{org,ladder}Protocol.ts.
 */
import * as vscode from 'vscode';
import { LADDER_VIEW_TYPE, type LadderModel } from '../../../core/protocol/ladderProtocol';
import { ORG_VIEW_TYPE, parseOrgState, type OrgChart } from '../../../core/protocol/orgProtocol';
import type { Feature, FeatureContext } from '../../featureContext';
import { once } from '../../util/lazy';
import { findRole, roleByUri } from '../../util/roleChoice';
import { createPagePanel, PanelSlot, type PanelApi } from '../../util/webview';
import type * as Panels from './panels';

/** The panels, loaded on first use (a bundle of its own in the Node host: lazyModules.json). */
const loadPanels = once(() => require('./panels') as typeof Panels);

const REDRAW_DELAY_MS = 300;

declare module '../../featureContext' {
  interface Exposed {
    org: OrgChartApi;
    ladders: LadderViewApi;
  }
}

/** What the tests see of the org chart. */
export interface OrgChartApi extends PanelApi<OrgChart, Panels.OrgRendered> {
  current(): OrgChart | undefined;
  lastCopied(): string | undefined;
  /** Saves as SVG to `target` (never replacing a file); without one, asks with the save dialog. */
  saveSvg(target?: vscode.Uri): Promise<string | undefined>;
}

export interface LadderViewApi extends PanelApi<LadderModel, Panels.LadderRendered> {
  current(): LadderModel | undefined;
}

/** The subtree root a command argument names: a tree node, a role file URI or a role reference. */
function rootOfArg(ctx: FeatureContext, arg: unknown): string | undefined {
  if (typeof arg === 'object' && arg !== null && !(arg instanceof vscode.Uri)) {
    const uri = (arg as { role?: { uri?: unknown } }).role?.uri;
    return typeof uri === 'string' && roleByUri(ctx.handbook, uri) ? uri : undefined;
  }
  return findRole(ctx.handbook, arg)?.uri;
}

export const registerOrgChart: Feature = (ctx) => {
  const { handbook } = ctx;
  const org = new PanelSlot<Panels.OrgChartPanel, OrgChart, Panels.OrgRendered>();
  const ladder = new PanelSlot<Panels.LadderPanel, LadderModel, Panels.LadderRendered>();
  let copied: string | undefined;

  const attachOrg = (panel: vscode.WebviewPanel, root: string | undefined): Panels.OrgChartPanel =>
    org.attach(
      panel,
      (onDispose) => new (loadPanels().OrgChartPanel)(panel, root, ctx, org.events, onDispose),
      (closed) => (copied = closed.copied ?? copied),
    );

  const attachLadder = (panel: vscode.WebviewPanel): Panels.LadderPanel =>
    ladder.attach(panel, (onDispose) => new (loadPanels().LadderPanel)(panel, ctx, ladder.events, onDispose));

  /** showOrgChart(role?): opens (or reveals) the chart, of a role's subtree when one is named. */
  const showOrgChart = async (arg?: unknown): Promise<OrgChart> => {
    await handbook.ready;
    const root = arg === undefined ? undefined : rootOfArg(ctx, arg);
    const open = org.revealed();
    if (open) return open.update(arg === undefined ? undefined : (root ?? null));
    const panel = createPagePanel(ORG_VIEW_TYPE, vscode.l10n.t('Org Chart'));
    return attachOrg(panel, root).update();
  };

  const showLadders = async (): Promise<LadderModel> => {
    await handbook.ready;
    const open = ladder.revealed();
    if (open) return open.update();
    const panel = createPagePanel(LADDER_VIEW_TYPE, vscode.l10n.t('Ladders'));
    return attachLadder(panel).update();
  };

  let timer: ReturnType<typeof setTimeout> | undefined;
  const schedule = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      org.current?.update();
      ladder.current?.update();
    }, REDRAW_DELAY_MS);
  };

  ctx.expose('org', {
    ...org.api(),
    current: () => org.current?.chart,
    lastCopied: () => org.current?.copied ?? copied,
    saveSvg: (target) => (org.current ? org.current.saveSvg(target) : Promise.resolve(undefined)),
  });
  ctx.expose('ladders', { ...ladder.api(), current: () => ladder.current?.model });

  return vscode.Disposable.from(
    org,
    ladder,
    { dispose: () => timer && clearTimeout(timer) },
    handbook.onDidChange(schedule),
    vscode.commands.registerCommand('handbookRoles.showOrgChart', showOrgChart),
    vscode.commands.registerCommand('handbookRoles.showLadders', showLadders),
    vscode.window.registerWebviewPanelSerializer(ORG_VIEW_TYPE, {
      async deserializeWebviewPanel(panel, raw) {
        await handbook.ready;
        attachOrg(panel, parseOrgState(raw).root).update();
      },
    }),
    vscode.window.registerWebviewPanelSerializer(LADDER_VIEW_TYPE, {
      async deserializeWebviewPanel(panel) {
        await handbook.ready;
        attachLadder(panel).update();
      },
    }),
  );
};
