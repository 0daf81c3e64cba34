/**
 * The responsibility map panel: posts the current map to the webview and handles what the page
 * sends. Loaded on first use (src/extension/util/lazy.ts) by responsibilityMap.ts, which owns the
 * command, the serializer and the opt-in diagnostics; the map analysis comes in the same bundle.
 */
import * as vscode from 'vscode';
import { mapToMarkdown } from '../../../core/map';
import { parseMapMessage, type HostToMap, type MapFilter, type MapLabels, type MapToHost } from '../../../core/protocol/mapProtocol';
import type { ResponsibilityMap } from '../../../core/map/types';
import type { FeatureContext } from '../../featureContext';
import type { MapEvents, MapSource } from '.';
import { toVsRange } from '../../util/ranges';
import { PanelHost, type PageRequest } from '../../util/panelHost';

function mapLabels(): MapLabels {
  return {
    summary: vscode.l10n.t('Roles: {0} · Responsibilities: {1} · Success criteria: {2} · Overlaps: {3} · Gaps: {4}'),
    roles: vscode.l10n.t('Roles'),
    areas: vscode.l10n.t('Areas'),
    allRoles: vscode.l10n.t('All roles'),
    allAreas: vscode.l10n.t('All areas'),
    issuesOnly: vscode.l10n.t('Only overlaps and gaps'),
    copyMarkdown: vscode.l10n.t('Copy as Markdown'),
    area: vscode.l10n.t('Area'),
    overlapsWith: vscode.l10n.t('Overlaps with {0}: {1}'),
    unowned: vscode.l10n.t('Gap: no role evaluated on this success criterion has a matching responsibility.'),
    ownedElsewhere: vscode.l10n.t('Gap: only {0} has a matching responsibility.'),
    ownedBy: vscode.l10n.t('Owned by {0}.'),
    sharedFrom: vscode.l10n.t('shared from {0}'),
    criterion: vscode.l10n.t('Success criterion'),
    noResult: vscode.l10n.t('Nothing matches the filters.'),
    builtin: vscode.l10n.t('This is the built-in handbook: create role files in the workspace to map your own.'),
    inferredArea: vscode.l10n.t('grouped by similar text'),
    unownedArea: vscode.l10n.t('no responsible role'),
    open: vscode.l10n.t('Open {0} at line {1}'),
    openRole: vscode.l10n.t('Open {0}'),
    legendOverlap: vscode.l10n.t('overlap'),
    legendGap: vscode.l10n.t('gap'),
    legendShared: vscode.l10n.t('shared criterion'),
    truncated: vscode.l10n.t('Showing {0} of {1} entries: filter by role or area to see the rest.'),
    empty: vscode.l10n.t('No roles in the handbook yet.'),
  };
}

export class MapPanel extends PanelHost<MapToHost, HostToMap, ResponsibilityMap> {
  private map: ResponsibilityMap | undefined;
  private posted: ResponsibilityMap | undefined;
  /** A filter to hand to the page with the next map. */
  private pendingFilter: MapFilter | undefined;
  copied: string | undefined;

  constructor(
    panel: vscode.WebviewPanel,
    filter: MapFilter | undefined,
    ctx: FeatureContext,
    private readonly source: MapSource,
    events: MapEvents,
    onDispose: () => void,
  ) {
    const title = vscode.l10n.t('Responsibility Map');
    super(
      panel,
      ctx,
      events,
      { script: 'map.js', style: 'map.css', title, parse: parseMapMessage, logName: 'Responsibility map' },
      onDispose,
    );
    this.pendingFilter = filter;
    panel.title = title;
  }

  current(): ResponsibilityMap | undefined {
    return this.map;
  }

  /**
   * Takes the map of the current handbook (built off the host's thread); posts it when it is a new
   * one. Maps arrive in the order they were asked for, so the last one asked for is shown.
   */
  async update(filter?: MapFilter): Promise<ResponsibilityMap> {
    if (filter) this.pendingFilter = filter;
    const map = await this.source.get();
    if (this.disposed) return map;
    this.map = map;
    if (map !== this.posted || this.pendingFilter) {
      this.post();
      this.events.update.fire(map);
    }
    return map;
  }

  protected onReady(): void {
    this.posted = undefined;
    this.post();
  }

  private post(): void {
    if (!this.ready || !this.map) return;
    const message: HostToMap = { type: 'map', map: this.map, labels: mapLabels(), builtin: this.ctx.handbook.showingBuiltins };
    if (this.pendingFilter) message.filter = this.pendingFilter;
    this.pendingFilter = undefined;
    this.posted = this.map;
    this.send(message);
  }

  protected async handle(msg: PageRequest<MapToHost>, raw: unknown): Promise<boolean> {
    switch (msg.type) {
      case 'open': {
        const item = this.map?.items.find((it) => it.key === msg.item);
        if (!item) return this.reject(raw, 'no such item in the map');
        await this.openBeside(vscode.Uri.parse(item.role), toVsRange(item.range));
        return true;
      }
      case 'openRole': {
        const role = this.map?.roles.some((r) => r.key === msg.role) ? this.ctx.handbook.index.get(msg.role)?.role : undefined;
        if (!role) return this.reject(raw, 'no such role in the map');
        await this.openBeside(vscode.Uri.parse(role.uri), toVsRange(role.idRange));
        return true;
      }
      case 'copyMarkdown': {
        if (!this.map) return false;
        const known = new Set([...this.map.roles.map((r) => r.key), ...this.map.areas.map((a) => a.key)]);
        if (![...msg.filter.roles, ...msg.filter.areas].every((k) => known.has(k))) return this.reject(raw, 'unknown role or area');
        this.copied = mapToMarkdown(this.map, msg.filter);
        await this.copy(this.copied, vscode.l10n.t('Copied the responsibility map as Markdown.'));
        return true;
      }
    }
  }
}
