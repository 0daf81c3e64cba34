/**
 * The responsibility map: a webview matrix of areas × roles with overlaps and gaps highlighted,
 * filters by role and area, click-through to the line in the role file and "Copy as Markdown"
 * (command handbookRoles.showResponsibilityMap, panel serializer for reloads). Behind the setting
 * handbookRoles.overlaps.enable (off by default) it also publishes the map's opt-in findings,
 * `overlapping-responsibility` and `unowned-criterion`, in a diagnostic collection of its own.
 *
 * The map covers the whole handbook, so it is rebuilt only while someone looks at it (an open
 * panel, or the setting on), at most once per index generation, after edits have settled, and in
 * the Node host on a worker thread (util/mapBuilder.ts). The panel (panels/mapPanel.ts) loads on
 * first use. The page (media/map.ts) builds its DOM with textContent only and talks to the panel
 * through the typed protocol in src/core/protocol/mapProtocol.ts; every message is validated
 * there, and the items and roles it names must be in the map the panel sent.
 */
import * as vscode from 'vscode';
import { Cancelled, LatestRun } from '../../../core/cancellation';
import type { ResponsibilityMap } from '../../../core/map/types';
import { MAP_VIEW_TYPE, parseFilter, parseMapState, type MapFilter, type MapRendered } from '../../../core/protocol/mapProtocol';
import { normalizeName } from '../../../core/text';
import type { Finding } from '../../../core/types';
import type { Feature } from '../../featureContext';
import type { HandbookWorkspace } from '../../handbookWorkspace';
import { DIAGNOSTIC_SOURCE } from '../../util/language';
import type { MapPanel } from './panel';
import { once } from '../../util/lazy';
import { createMapBuilder, type MapBuilder } from './mapBuilder';
import { findingDiagnostic } from '../../util/findingDiagnostic';
import { PANEL_OPTIONS, PanelSlot, type PanelApi, type PanelEvents } from '../../util/webview';
import { setting } from '../../util/settings';
import { errorDetail } from '../../../core/errors';

/** The panel and the map analysis, loaded on first use (bundles of their own in the Node host: lazyModules.json). */
const loadPanel = once(() => require('./panel') as typeof import('./panel'));
const loadAnalysis = once(() => {
  const analysis = require('../../../core/map') as typeof import('../../../core/map');
  // Its findings are diagnostics: in VS Code's display language, like the index's.
  analysis.useMessageBundle(vscode.l10n.bundle);
  return analysis;
});

/** Quiet time after an index change before the map is rebuilt. */
const REBUILD_DEBOUNCE_MS = 400;
/**
 * ...and at least this many times what the last rebuild took: the map compares every role with
 * every other, and on a handbook of thousands of roles a rebuild takes seconds, which must not
 * recur at every pause in typing. The analysis then takes at most a fifth of the host's time.
 */
const REBUILD_COST_FACTOR = 4;

/** What the tests (and other extensions) see of the responsibility map. */
declare module '../../featureContext' {
  interface Exposed {
    map: ResponsibilityMapApi;
  }
}

/** onDidUpdate: a new map (opened, or a role file changed); onDidReject: refused by the validator or the key check. */
export interface ResponsibilityMapApi extends PanelApi<ResponsibilityMap, MapRendered> {
  /** The map the open panel shows (undefined when no panel is open). */
  current(): ResponsibilityMap | undefined;
  /** Fires after the opt-in findings were published (or cleared). */
  readonly onDidPublish: vscode.Event<void>;
  /** The Markdown last copied by "Copy as Markdown". */
  lastCopied(): string | undefined;
  /** What the panel serializer does with a panel VS Code restores. */
  restore(panel: vscode.WebviewPanel, state: unknown): Promise<boolean>;
  /** Where the analysis runs: on a worker thread (Node host), or on the host's thread. */
  analysedOn(): 'worker' | 'host';
}

/**
 * The map of the current index, built (off the host's thread) at most once per index generation.
 * A build for a newer generation cancels the older build, whose callers then get the newer map.
 */
export class MapSource implements vscode.Disposable {
  private cached: { generation: number; map: Promise<ResponsibilityMap> } | undefined;
  private readonly builder: MapBuilder;
  private readonly builds = new LatestRun();
  private disposed = false;

  /** How long the last build took (ms). */
  lastBuildMs = 0;

  constructor(
    private readonly handbook: HandbookWorkspace,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.builder = createMapBuilder(log);
  }

  /** The map of the current index; rejects with `Cancelled` once disposed. */
  get(): Promise<ResponsibilityMap> {
    if (this.disposed) return Promise.reject(new Cancelled());
    const generation = this.handbook.index.generation;
    if (this.cached?.generation === generation) return this.cached.map;
    const started = performance.now();
    const roles = this.handbook.index.roles();
    const map = this.builder.build(roles, this.builds.start()).then((m) => {
      // Overtaken by a newer index (or disposed): the newer map is the answer.
      if (!m) return this.get();
      this.lastBuildMs = performance.now() - started;
      this.log.debug(`Responsibility map: ${roles.length} roles analysed in ${this.lastBuildMs.toFixed(0)} ms.`);
      return m;
    });
    this.cached = { generation, map };
    // A failed build is not kept: the next call tries again.
    map.catch(() => this.cached?.map === map && (this.cached = undefined));
    return map;
  }

  get where(): 'worker' | 'host' {
    return this.builder.where;
  }

  dispose(): void {
    this.disposed = true;
    this.builds.cancel();
    this.builder.dispose();
  }
}

/**
 * A filter from a command argument: role ids, titles, aliases or file URIs; area keys or labels.
 * Names that match nothing are dropped.
 */
function filterFromArg(arg: unknown, map: ResponsibilityMap, handbook: HandbookWorkspace): MapFilter | undefined {
  if (typeof arg !== 'object' || arg === null) return undefined;
  const raw = arg as { roles?: unknown; areas?: unknown; issuesOnly?: unknown };
  const list = (x: unknown) => (Array.isArray(x) ? x.filter((s): s is string => typeof s === 'string') : []);
  const roleKeys = new Set(map.roles.map((r) => r.key));
  const roles = list(raw.roles)
    .map((name) => (roleKeys.has(name) ? name : handbook.index.resolve(name)?.uri))
    .filter((k): k is string => !!k && roleKeys.has(k));
  const areas = list(raw.areas)
    .map((name) => map.areas.find((a) => a.key === name || normalizeName(a.label) === normalizeName(name))?.key)
    .filter((k): k is string => !!k);
  return parseFilter({ roles, areas, issuesOnly: raw.issuesOnly === true });
}

export type MapEvents = PanelEvents<ResponsibilityMap, MapRendered>;

/** The opt-in findings as diagnostics, in a collection of their own, while the setting is on. */
class OverlapDiagnostics implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection(`${DIAGNOSTIC_SOURCE}-map`);
  private readonly published = new Set<string>();
  readonly onDidPublish = new vscode.EventEmitter<void>();

  constructor(
    private readonly source: MapSource,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  get enabled(): boolean {
    return setting('overlaps.enable');
  }

  private latest = 0;

  /** Publishes the findings of the current map; a refresh overtaken by a newer one publishes nothing. */
  async refresh(): Promise<void> {
    const run = ++this.latest;
    let map: ResponsibilityMap | undefined;
    try {
      map = this.enabled ? await this.source.get() : undefined;
    } catch (e) {
      if (e instanceof Cancelled) return;
      this.log.error(`Responsibility map: the analysis failed: ${errorDetail(e)}`);
      return;
    }
    if (run !== this.latest) return;
    const next = map ? loadAnalysis().mapFindings(map) : new Map<string, Finding[]>();
    for (const uri of this.published) if (!next.has(uri)) this.collection.delete(vscode.Uri.parse(uri));
    this.published.clear();
    for (const [uri, findings] of next) {
      this.collection.set(
        vscode.Uri.parse(uri),
        findings.map((f) => findingDiagnostic(f)),
      );
      this.published.add(uri);
    }
    this.onDidPublish.fire();
  }

  dispose(): void {
    this.collection.dispose();
    this.onDidPublish.dispose();
  }
}

export const registerResponsibilityMap: Feature = (ctx) => {
  const { handbook } = ctx;
  const source = new MapSource(handbook, ctx.log);
  const diagnostics = new OverlapDiagnostics(source, ctx.log);
  const slot = new PanelSlot<MapPanel, ResponsibilityMap, MapRendered>();
  let copied: string | undefined;

  const attach = (panel: vscode.WebviewPanel, filter: MapFilter | undefined): MapPanel =>
    slot.attach(
      panel,
      (onDispose) => new (loadPanel().MapPanel)(panel, filter, ctx, source, slot.events, onDispose),
      (closed) => (copied = closed.copied ?? copied),
    );

  /** Updates a panel in the background; a failed analysis is logged (the panel keeps its map). */
  const redraw = (panel: MapPanel) =>
    void panel
      .update()
      .catch((e: unknown) => e instanceof Cancelled || ctx.log.error(`Responsibility map: the analysis failed: ${errorDetail(e)}`));

  /** showResponsibilityMap(filter?): opens (or reveals) the map; returns the map it shows. */
  const show = async (arg?: unknown): Promise<ResponsibilityMap> => {
    await handbook.ready;
    const filter = arg === undefined ? undefined : filterFromArg(arg, await source.get(), handbook);
    const open = slot.revealed();
    if (open) return open.update(filter);
    const panel = vscode.window.createWebviewPanel(MAP_VIEW_TYPE, vscode.l10n.t('Responsibility Map'), vscode.ViewColumn.Active, {
      ...PANEL_OPTIONS,
      retainContextWhenHidden: false,
    });
    return attach(panel, filter).update();
  };

  const restore = async (panel: vscode.WebviewPanel, raw: unknown): Promise<boolean> => {
    await handbook.ready;
    redraw(attach(panel, parseMapState(raw).filter));
    return true;
  };

  // Rebuild after edits settle, and only for someone who looks.
  let timer: ReturnType<typeof setTimeout> | undefined;
  const schedule = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(
      () => {
        timer = undefined;
        if (slot.current) redraw(slot.current);
        if (diagnostics.enabled) void diagnostics.refresh();
      },
      Math.max(REBUILD_DEBOUNCE_MS, REBUILD_COST_FACTOR * source.lastBuildMs),
    );
  };
  void handbook.ready.then(() => {
    if (diagnostics.enabled) void diagnostics.refresh();
  });

  ctx.expose('map', {
    ...slot.api(),
    current: () => slot.current?.current(),
    onDidPublish: diagnostics.onDidPublish.event,
    lastCopied: () => slot.current?.copied ?? copied,
    restore,
    analysedOn: () => source.where,
  });

  return vscode.Disposable.from(
    source,
    diagnostics,
    // The panel stays open on deactivation: the serializer restores it after a reload.
    slot,
    { dispose: () => timer && clearTimeout(timer) },
    handbook.onDidChange(schedule),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('handbookRoles.overlaps.enable')) void diagnostics.refresh();
    }),
    vscode.commands.registerCommand('handbookRoles.showResponsibilityMap', show),
    vscode.window.registerWebviewPanelSerializer(MAP_VIEW_TYPE, {
      async deserializeWebviewPanel(panel, raw) {
        await restore(panel, raw);
      },
    }),
  );
};
