/** The one `activate` shared by the Node and browser entry points: it only wires features. */
import type MarkdownIt from 'markdown-it';
import * as vscode from 'vscode';
import { registerBuiltinFileSystem } from './builtinHandbook';
import { registerCodeActions } from './codeActions';
import { registerCodeLens } from './codeLens';
import { registerCompareView } from './features/compare';
import { registerCompletion } from './completion';
import { registerDiagnostics } from './diagnostics';
import type { Exposed, Feature, FeatureContext } from './featureContext';
import { registerFixAll } from './fixAll';
import { registerHandbookDiff } from './features/handbookDiff';
import { HandbookWorkspace, type DirectFs } from './handbookWorkspace';
import { registerHover } from './hover';
import { registerNavigation } from './navigation';
import { registerOrgChart } from './features/orgChart';
import { registerPreviewPlugin } from './previewPlugin';
import { registerReferences } from './references';
import { registerRename } from './rename';
import { registerResponsibilityMap } from './features/responsibilityMap';
import { registerRolesTree } from './rolesTree';
import { registerSymbols } from './symbols';
import { registerWorkspaceSymbols } from './workspaceSymbols';
import { registerLazyCommand } from './util/lazy';
import { useMessageBundle } from '../core/messages';

// Commands whose implementation loads on first run: each module is listed in lazyModules.json
// (see util/lazy.ts), and required here inside a function.
const registerLookup: Feature = (ctx) =>
  registerLazyCommand(
    'handbookRoles.findRole',
    ctx,
    () => require('./commands/findRole') as typeof import('./commands/findRole'),
    (m) => m.findRoleCommand,
  );
const registerImportRoles: Feature = (ctx) =>
  registerLazyCommand(
    'handbookRoles.importRoles',
    ctx,
    () => require('./commands/importRoles') as typeof import('./commands/importRoles'),
    (m) => m.importRolesCommand,
  );
const registerNewRoleFile: Feature = (ctx) =>
  vscode.Disposable.from(
    registerLazyCommand(
      'handbookRoles.newRoleFile',
      ctx,
      () => require('./commands/newRoleFile') as typeof import('./commands/newRoleFile'),
      (m) => m.newRoleFileCommand,
    ),
    // On a role in the tree (or with a role reference): a new role file one level above it.
    registerLazyCommand(
      'handbookRoles.newNextLevel',
      ctx,
      () => require('./commands/newRoleFile') as typeof import('./commands/newRoleFile'),
      (m) => m.newNextLevelCommand,
    ),
  );

/** What the extension exports to VS Code and to other extensions. */
export interface HandbookRolesApi {
  /** Milliseconds `activate()` took (indexing runs afterwards, in the background). */
  activationMs: number;
  /** Milliseconds from the start of `activate()` until the initial scan finished (undefined before). */
  readyMs(): number | undefined;
  /** Resolves once the workspace is indexed (no newer scan has begun), with its number of role files. */
  indexed(): Promise<number>;
  /** The Markdown preview's hook for `[[Role]]` links (previewPlugin.ts; `markdown.markdownItPlugins`). */
  extendMarkdownIt?: (md: MarkdownIt) => MarkdownIt;
  /** Only under tests (ExtensionMode.Test): handles on the live handbook and the features. */
  testing?: TestApi;
}

/** The integration tests' handles: the live handbook, and what each feature exposed (featureContext.ts). */
export type TestApi = Partial<Exposed> & { handbook: HandbookWorkspace };

/** Features, one file each. Add new ones here. */
const FEATURES: Feature[] = [
  registerCodeActions,
  registerCodeLens,
  registerCompareView,
  registerCompletion,
  registerDiagnostics,
  registerFixAll,
  registerHandbookDiff,
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

/** `direct`: how the host reads and lists local files itself (the Node host; see DirectFs). */
export function activateFeatures(context: vscode.ExtensionContext, direct?: DirectFs): HandbookRolesApi {
  const started = performance.now();
  // Finding messages are made in core: give it the messages of VS Code's display language.
  useMessageBundle(vscode.l10n.bundle);
  const log = vscode.window.createOutputChannel('Handbook Roles', { log: true });
  const handbook = new HandbookWorkspace(log, direct);
  const exposed: Partial<Exposed> = {};
  const ctx: FeatureContext = {
    extension: context,
    handbook,
    log,
    expose: (key, value) => void (exposed[key] = value),
  };
  context.subscriptions.push(log, handbook, registerBuiltinFileSystem());
  for (const feature of FEATURES) context.subscriptions.push(feature(ctx));
  // Indexing starts after activation returns, so activation stays cheap: one scan, also when a
  // feature already asked for `handbook.ready` while it registered.
  let readyMs: number | undefined;
  void handbook.start().then(() => (readyMs = performance.now() - started));
  const api: HandbookRolesApi = {
    activationMs: performance.now() - started,
    readyMs: () => readyMs,
    indexed: () => settled(handbook),
    extendMarkdownIt: exposed.extendMarkdownIt,
    testing: context.extensionMode === vscode.ExtensionMode.Test ? { ...exposed, handbook } : undefined,
  };
  log.info(`Activated in ${api.activationMs.toFixed(1)} ms.`);
  return api;
}

/** Waits for the latest scan: one started while another runs supersedes it (`ready` then names it). */
async function settled(handbook: HandbookWorkspace): Promise<number> {
  for (let ready = handbook.ready, scans = 1; ; scans++) {
    await ready;
    const next = handbook.ready;
    if (next === ready || scans > 20) return handbook.workspaceRoleFiles;
    ready = next;
  }
}
