/** The one `activate` shared by the Node and browser entry points: it only wires features. */
import type MarkdownIt from 'markdown-it';
import * as vscode from 'vscode';
import { registerBuiltinFileSystem } from './builtinHandbook';
import { registerCodeActions } from './codeActions';
import { registerCodeLens } from './codeLens';
import { registerCompareView, type CompareViewApi } from './compareView';
import { registerCompletion } from './completion';
import { registerDiagnostics } from './diagnostics';
import type { Feature, FeatureContext } from './featureContext';
import { registerFixAll } from './fixAll';
import { HandbookWorkspace } from './handbookWorkspace';
import { registerHover } from './hover';
import { registerImportRoles } from './importRoles';
import { registerLookup } from './lookup';
import { registerNavigation } from './navigation';
import { registerNewRoleFile } from './newRoleFile';
import { registerOrgChart, type LadderViewApi, type OrgChartApi } from './features/orgChart';
import { registerPreviewPlugin } from './previewPlugin';
import { registerReferences } from './references';
import { registerRename } from './rename';
import { registerResponsibilityMap, type ResponsibilityMapApi } from './responsibilityMap';
import { registerRolesTree, type RolesTreeApi } from './rolesTree';
import { registerSymbols } from './symbols';
import { registerWorkspaceSymbols } from './workspaceSymbols';

/** What the extension exports: used by the integration tests and by other extensions. */
export interface HandbookRolesApi {
  /** Milliseconds `activate()` took (indexing runs afterwards, in the background). */
  activationMs: number;
  handbook: HandbookWorkspace;
  /** The Roles tree (set by rolesTree.ts). */
  tree?: RolesTreeApi;
  /** The role-comparison panel (set by compareView.ts). */
  compare?: CompareViewApi;
  /** The responsibility map panel and its opt-in findings (set by responsibilityMap.ts). */
  map?: ResponsibilityMapApi;
  /** The org chart and the ladder view (set by features/orgChart). */
  org?: OrgChartApi;
  ladders?: LadderViewApi;
  /** The Markdown preview's hook for `[[Role]]` links (set by previewPlugin.ts). */
  extendMarkdownIt?: (md: MarkdownIt) => MarkdownIt;
}

/** Features, one file each. Add new ones here. */
const FEATURES: Feature[] = [
  registerCodeActions,
  registerCodeLens,
  registerCompareView,
  registerCompletion,
  registerDiagnostics,
  registerFixAll,
  registerHover,
  registerImportRoles,
  registerLookup,
  registerNavigation,
  registerNewRoleFile,
  registerOrgChart,
  registerPreviewPlugin,
  registerReferences,
  registerRename,
  registerResponsibilityMap,
  registerRolesTree,
  registerSymbols,
  registerWorkspaceSymbols,
];

export function activateFeatures(context: vscode.ExtensionContext): HandbookRolesApi {
  const started = performance.now();
  const log = vscode.window.createOutputChannel('Handbook Roles', { log: true });
  const handbook = new HandbookWorkspace(log);
  const api: HandbookRolesApi = { activationMs: 0, handbook };
  const ctx: FeatureContext = { extension: context, handbook, log, api };
  context.subscriptions.push(log, handbook, registerBuiltinFileSystem());
  for (const feature of FEATURES) context.subscriptions.push(feature(ctx));
  // Indexing starts after activation returns, so activation stays cheap.
  setTimeout(() => void handbook.refresh(), 0);
  api.activationMs = performance.now() - started;
  log.info(`Activated in ${api.activationMs.toFixed(1)} ms.`);
  return api;
}
