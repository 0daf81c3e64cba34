/**
 * The Roles view: role → Focus, Responsibilities, Success criteria (own and shared), Relationships,
 * kept live from the HandbookWorkspace; the built-in handbook under its own node. Commands:
 * refresh, openRole, revealRole, showBuiltinHandbook. The tree's content is decided by the pure
 * model in src/core/rolesTree.ts; this file maps it to tree items and caches nodes per file.
 */
import * as vscode from 'vscode';
import {
  BUILTIN_GROUP_ID,
  buildFileNode,
  builtinGroupNode,
  groupByLadder,
  nodeDependencies,
  parentMap,
  sortFileNodes,
  type RolesTreeLabels,
  type RolesTreeNode,
  type RolesTreeSource,
} from '../core/rolesTree';
import { ladders, nextLevel } from '../core/org/ladders';
import type { Range } from '../core/types';
import { isBuiltin } from './builtinHandbook';
import type { Feature } from './featureContext';
import type { HandbookChange, HandbookWorkspace } from './handbookWorkspace';
import { toVsRange } from './util/ranges';
import { findRole, pickRole, roleResolver } from './util/roleChoice';
import { setting } from './util/settings';
import { errorDetail } from '../core/errors';
import { own } from '../core/own';

export const ROLES_VIEW_ID = 'handbookRoles.roles';
const EMPTY_CONTEXT_KEY = 'handbookRoles.empty';
const GROUPED_CONTEXT_KEY = 'handbookRoles.groupedByLadder';
const GROUP_SETTING = 'handbookRoles.rolesTree.groupByLadder';

function groupedByLadder(): boolean {
  return setting('rolesTree.groupByLadder');
}
const REFRESH_DELAY_MS = 100;

/** What the tests (and other extensions) see of the tree. */
declare module './featureContext' {
  interface Exposed {
    tree: RolesTreeApi;
  }
}

export interface RolesTreeApi {
  readonly view: vscode.TreeView<RolesTreeNode>;
  readonly provider: vscode.TreeDataProvider<RolesTreeNode>;
  /** The root nodes as the view shows them now (built on demand). */
  roots(): RolesTreeNode[];
  /** Fires (debounced) after the tree changed; roots() then gives the new content. */
  readonly onDidRefresh: vscode.Event<void>;
}

/** A place in a file, as the tree items' click command passes it to handbookRoles.openRole. */
interface Location {
  uri: string;
  range: Range;
}

function isRange(v: unknown): v is Range {
  const r = v as Range;
  return typeof v === 'object' && v !== null && [r.line, r.column, r.endLine, r.endColumn].every((n) => Number.isInteger(n) && n >= 1);
}

function isLocation(v: unknown): v is Location {
  return typeof v === 'object' && v !== null && typeof (v as Location).uri === 'string' && isRange((v as Location).range);
}

function isNode(v: unknown): v is RolesTreeNode {
  return isLocation(v) && typeof (v as RolesTreeNode).kind === 'string' && typeof (v as RolesTreeNode).id === 'string';
}

function labels(): RolesTreeLabels {
  return {
    builtinGroup: vscode.l10n.t('Built-in handbook'),
    focus: vscode.l10n.t('Focus'),
    responsibilities: vscode.l10n.t('Responsibilities'),
    successCriteria: vscode.l10n.t('Success criteria'),
    relationships: vscode.l10n.t('Relationships'),
    sharedFrom: (title) => vscode.l10n.t('shared from {0}', title),
    inheritedFrom: (title) => vscode.l10n.t('from {0}', title),
    level: (level) => vscode.l10n.t('level {0}', level),
    ladderGroup: (rungs) => (rungs === 1 ? vscode.l10n.t('ladder · 1 rung') : vscode.l10n.t('ladder · {0} rungs', rungs)),
    problems: (errors, warnings) => {
      const n = errors + warnings;
      return n === 0 ? '' : n === 1 ? vscode.l10n.t('1 problem') : vscode.l10n.t('{0} problems', n);
    },
    noRole: vscode.l10n.t('no role could be read'),
  };
}

const TYPE_ICONS: Record<string, string> = { executive: 'briefcase', manager: 'organization', 'individual-contributor': 'person' };
const KIND_ICONS: Record<string, string> = {
  symbiotic: 'arrow-swap',
  'reports-to': 'arrow-up',
  manages: 'arrow-down',
  peer: 'arrow-both',
  advises: 'comment-discussion',
};
const SECTION_ICONS: Record<string, string> = {
  focus: 'eye',
  responsibilities: 'checklist',
  successCriteria: 'pass',
  relationships: 'references',
};

function iconOf(node: RolesTreeNode): vscode.ThemeIcon {
  const p = node.problems;
  if (p && p.errors > 0) return new vscode.ThemeIcon('error', new vscode.ThemeColor('list.errorForeground'));
  if (p && p.warnings > 0) return new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground'));
  switch (node.kind) {
    case 'group':
      return new vscode.ThemeIcon(node.id === BUILTIN_GROUP_ID ? 'book' : 'type-hierarchy');
    case 'role':
      return new vscode.ThemeIcon(own(TYPE_ICONS, node.roleType ?? '') ?? 'question');
    case 'section':
      return new vscode.ThemeIcon(own(SECTION_ICONS, node.section ?? '') ?? 'list-tree');
    case 'focus':
      return new vscode.ThemeIcon('target');
    case 'responsibility':
      return new vscode.ThemeIcon(node.inheritedFrom ? 'type-hierarchy-super' : 'check');
    case 'criterion':
      return new vscode.ThemeIcon(node.sharedFrom ? 'link' : node.inheritedFrom ? 'type-hierarchy-super' : 'question');
    case 'relationship':
      return new vscode.ThemeIcon(own(KIND_ICONS, node.relationshipKind ?? '') ?? 'link');
    default:
      return new vscode.ThemeIcon('file');
  }
}

function contextValueOf(node: RolesTreeNode): string {
  switch (node.kind) {
    case 'role':
      // "roleRung": a role with a next level (Compare with Next Level).
      return `${node.role?.builtin ? 'roleBuiltin' : 'role'}${node.nextLevel ? 'Rung' : ''}`;
    case 'relationship':
      return node.target ? 'roleLink' : 'relationship';
    case 'group':
      return node.id === BUILTIN_GROUP_ID ? 'builtinGroup' : 'ladderGroup';
    default:
      return node.kind;
  }
}

/** A Markdown tooltip whose role strings are escaped (appendText), never interpreted. */
function tooltipOf(node: RolesTreeNode): vscode.MarkdownString | string | undefined {
  const md = new vscode.MarkdownString(undefined, false);
  md.isTrusted = false;
  md.supportHtml = false;
  const problems = node.problems;
  const addProblems = () => {
    if (!problems || problems.messages.length === 0) return;
    md.appendMarkdown('\n\n---\n\n');
    for (const m of problems.messages.slice(0, 5)) {
      md.appendMarkdown('- ');
      md.appendText(m);
      md.appendMarkdown('\n');
    }
    if (problems.messages.length > 5) md.appendText(vscode.l10n.t('…and {0} more', problems.messages.length - 5));
  };
  switch (node.kind) {
    case 'role':
      md.appendMarkdown('**');
      md.appendText(node.label);
      md.appendMarkdown('**\n\n');
      md.appendText(
        [node.role?.id, node.roleType, node.role?.builtin ? vscode.l10n.t('built-in (read-only)') : undefined].filter(Boolean).join(' · '),
      );
      md.appendMarkdown('\n\n');
      md.appendText(node.summary ?? vscode.l10n.t('No summary.'));
      addProblems();
      return md;
    case 'invalid':
      md.appendText(node.label);
      addProblems();
      return md;
    case 'criterion':
      if (node.inheritedFrom)
        return `${node.label}\n\n${vscode.l10n.t('Inherited through extends: defined by {0}.', node.inheritedFrom.title)}`;
      return node.sharedFrom
        ? `${node.label}\n\n${vscode.l10n.t('Shared through sharesSuccessCriteriaOf: defined by {0}.', node.sharedFrom.title)}`
        : node.label;
    case 'relationship':
      return [
        `${node.relationshipKind ?? ''} → ${node.target?.title ?? node.label}`,
        node.note,
        node.target ? undefined : vscode.l10n.t('No role of that name in the handbook.'),
      ]
        .filter(Boolean)
        .join('\n\n');
    case 'responsibility':
      return [
        node.label,
        node.inheritedFrom ? vscode.l10n.t('Inherited through extends: defined by {0}.', node.inheritedFrom.title) : undefined,
        node.area ? vscode.l10n.t('Area: {0}', node.area) : undefined,
      ]
        .filter(Boolean)
        .join('\n\n');
    case 'group':
      if (node.id !== BUILTIN_GROUP_ID) return vscode.l10n.t('Ladder {0}: its rungs by level.', node.label);
      return vscode.l10n.t('The built-in handbook (read-only): Chief Technology Officer and Head of Engineering.');
    default:
      return node.label;
  }
}

class RolesTreeProvider implements vscode.TreeDataProvider<RolesTreeNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<RolesTreeNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly refreshed = new vscode.EventEmitter<void>();
  readonly onDidRefresh = this.refreshed.event;
  /** Workspace file nodes by URI, with the reverse map of the files each depends on. */
  private readonly nodes = new Map<string, RolesTreeNode>();
  private readonly dependents = new Map<string, Set<string>>();
  private builtinNodes: RolesTreeNode[] | undefined;
  private rootCache: RolesTreeNode[] | undefined;
  private parents: Map<string, RolesTreeNode | undefined> | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private labelSet = labels();
  /** Set by "Show Built-in Handbook" for the session, even when the setting says "never". */
  forceBuiltins = false;

  constructor(private readonly handbook: HandbookWorkspace) {}

  /** Nodes are built one file at a time: only the resolver of the source is needed. */
  private source(): RolesTreeSource {
    const graph = this.handbook.index.orgGraph();
    return { files: [], resolve: roleResolver(this.handbook), nextLevel: (role) => (role.builtin ? undefined : nextLevel(role, graph)) };
  }

  get builtinsShown(): boolean {
    return this.handbook.showingBuiltins || this.handbook.builtinMode === 'always' || this.forceBuiltins;
  }

  /** Drops the cached nodes a change touches (all of them without a change set). */
  invalidate(change?: HandbookChange): void {
    if (!change) {
      this.nodes.clear();
      this.dependents.clear();
      this.builtinNodes = undefined;
      this.labelSet = labels();
    } else {
      for (const uri of change.affected) {
        this.forget(uri);
        for (const d of [...(this.dependents.get(uri) ?? [])]) this.forget(d);
      }
    }
    this.rootCache = undefined;
    this.parents = undefined;
    if (!this.timer) {
      this.timer = setTimeout(() => {
        this.timer = undefined;
        this.changed.fire(undefined);
        this.refreshed.fire();
      }, REFRESH_DELAY_MS);
    }
  }

  /** Fires a pending refresh at once (before a reveal, which needs the view up to date). */
  flush(): void {
    if (!this.timer) return;
    clearTimeout(this.timer);
    this.timer = undefined;
    this.changed.fire(undefined);
    this.refreshed.fire();
  }

  private forget(uri: string): void {
    const node = this.nodes.get(uri);
    if (!node) return;
    this.nodes.delete(uri);
    for (const dep of nodeDependencies(node)) {
      const set = this.dependents.get(dep);
      set?.delete(uri);
      if (set && set.size === 0) this.dependents.delete(dep);
    }
  }

  private fileNode(uri: string): RolesTreeNode | undefined {
    const cached = this.nodes.get(uri);
    if (cached) return cached;
    const index = this.handbook.index;
    const parsed = index.get(uri);
    if (!parsed) return undefined;
    const node = buildFileNode(parsed, index.findings(uri), this.source(), this.labelSet);
    if (!node) return undefined;
    this.nodes.set(uri, node);
    for (const dep of nodeDependencies(node)) {
      let set = this.dependents.get(dep);
      if (!set) this.dependents.set(dep, (set = new Set()));
      set.add(uri);
    }
    return node;
  }

  private builtins(): RolesTreeNode[] {
    if (!this.builtinNodes) {
      const index = this.handbook.builtinIndex;
      const source = this.source();
      this.builtinNodes = sortFileNodes(
        index
          .uris()
          .map((u) => buildFileNode(index.get(u)!, index.findings(u), source, this.labelSet, `${BUILTIN_GROUP_ID}/`))
          .filter((n): n is RolesTreeNode => !!n),
      );
    }
    return this.builtinNodes;
  }

  roots(): RolesTreeNode[] {
    if (this.rootCache) return this.rootCache;
    const workspace: RolesTreeNode[] = [];
    for (const uri of this.handbook.index.uris()) {
      if (isBuiltin(uri)) continue;
      const node = this.fileNode(uri);
      if (node) workspace.push(node);
    }
    let roots = sortFileNodes(workspace);
    if (groupedByLadder()) {
      const index = this.handbook.index;
      roots = groupByLadder(
        roots,
        ladders(
          index.roles().filter((r) => !isBuiltin(r.uri)),
          index.orgGraph(),
        ),
        this.labelSet,
      );
    }
    if (this.builtinsShown) roots.push(builtinGroupNode(this.builtins(), this.labelSet));
    this.rootCache = roots;
    return roots;
  }

  getChildren(node?: RolesTreeNode): RolesTreeNode[] {
    return node ? node.children : this.roots();
  }

  getParent(node: RolesTreeNode): RolesTreeNode | undefined {
    if (!this.parents) this.parents = parentMap(this.roots());
    return this.parents.get(node.id);
  }

  getTreeItem(node: RolesTreeNode): vscode.TreeItem {
    const state =
      node.children.length === 0
        ? vscode.TreeItemCollapsibleState.None
        : node.kind === 'role'
          ? vscode.TreeItemCollapsibleState.Collapsed
          : node.kind === 'group' && node.id === BUILTIN_GROUP_ID && !this.expandGroup()
            ? vscode.TreeItemCollapsibleState.Collapsed
            : vscode.TreeItemCollapsibleState.Expanded;
    const item = new vscode.TreeItem(node.label, state);
    item.id = node.id;
    item.description = node.description;
    item.iconPath = iconOf(node);
    item.contextValue = contextValueOf(node);
    item.tooltip = tooltipOf(node);
    item.accessibilityInformation = { label: [node.label, node.description].filter(Boolean).join(', ') };
    if (node.kind !== 'group' && node.kind !== 'section') {
      const location: Location = { uri: node.uri, range: node.range };
      item.command = { command: 'handbookRoles.openRole', title: vscode.l10n.t('Open'), arguments: [location] };
    }
    return item;
  }

  /** The built-in node opens expanded when it stands in for an empty workspace. */
  private expandGroup(): boolean {
    return this.handbook.showingBuiltins || this.forceBuiltins;
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.changed.dispose();
    this.refreshed.dispose();
  }
}

async function open(location: Location): Promise<string> {
  const uri = vscode.Uri.parse(location.uri);
  await vscode.window.showTextDocument(uri, { selection: toVsRange(location.range), preview: true });
  return location.uri;
}

export const registerRolesTree: Feature = (ctx) => {
  const { handbook } = ctx;
  const provider = new RolesTreeProvider(handbook);
  const view = vscode.window.createTreeView(ROLES_VIEW_ID, { treeDataProvider: provider, showCollapseAll: true });
  let scanned = false;

  const updateMessage = () => {
    view.message = handbook.showingBuiltins
      ? vscode.l10n.t('No role files in this workspace yet: showing the built-in handbook (read-only).')
      : undefined;
    // Before the first scan ends nothing is known: the welcome view waits until then.
    if (scanned) void vscode.commands.executeCommand('setContext', EMPTY_CONTEXT_KEY, handbook.workspaceRoleFiles === 0);
  };
  void handbook.ready.then(() => {
    scanned = true;
    updateMessage();
  });

  /** "Open": a tree node (a relationship opens the role it names), a place, or a role reference. */
  const openRole = async (arg?: unknown): Promise<string | undefined> => {
    await handbook.ready;
    if (isNode(arg)) return open(arg.kind === 'relationship' && arg.target ? arg.target : arg);
    if (isLocation(arg)) return open(arg);
    const role = arg === undefined ? await pickRole(handbook, vscode.l10n.t('Open which role?')) : findRole(handbook, arg);
    if (!role) {
      if (arg !== undefined)
        void vscode.window.showWarningMessage(vscode.l10n.t('No role named "{0}".', typeof arg === 'string' ? arg : typeof arg));
      return undefined;
    }
    return open({ uri: role.uri, range: role.idRange });
  };

  const revealRole = async (arg?: unknown): Promise<boolean> => {
    await handbook.ready;
    const uri = isNode(arg) ? (arg.role?.uri ?? arg.uri) : findRole(handbook, arg)?.uri;
    if (!uri) return false;
    if (isBuiltin(uri)) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Built-in roles are not files of the workspace: use Open to read them.'));
      return false;
    }
    await vscode.commands.executeCommand('revealInExplorer', vscode.Uri.parse(uri));
    return true;
  };

  const refresh = async (): Promise<RolesTreeNode[]> => {
    await handbook.refresh();
    provider.invalidate();
    return provider.roots();
  };

  /** Shows the built-in handbook in the view (for this session even when the setting says never). */
  const showBuiltinHandbook = async (): Promise<RolesTreeNode | undefined> => {
    await handbook.ready;
    if (!provider.builtinsShown) {
      provider.forceBuiltins = true;
      provider.invalidate();
      provider.flush();
    }
    const group = provider.roots().find((n) => n.id === BUILTIN_GROUP_ID);
    if (!group) return undefined;
    try {
      await view.reveal(group, { select: true, focus: true, expand: true });
    } catch (e) {
      ctx.log.warn(`Could not reveal the built-in handbook: ${errorDetail(e)}`);
    }
    return group;
  };

  const setGroupedContext = () => void vscode.commands.executeCommand('setContext', GROUPED_CONTEXT_KEY, groupedByLadder());
  setGroupedContext();
  /** The grouping is a setting (so it lasts): the commands change it where it is set, else for the user. */
  const setGrouping = async (on: boolean): Promise<RolesTreeNode[]> => {
    const config = vscode.workspace.getConfiguration();
    const where =
      config.inspect<boolean>(GROUP_SETTING)?.workspaceValue !== undefined
        ? vscode.ConfigurationTarget.Workspace
        : vscode.ConfigurationTarget.Global;
    if (groupedByLadder() !== on) await config.update(GROUP_SETTING, on, where);
    provider.invalidate();
    provider.flush();
    return provider.roots();
  };

  ctx.expose('tree', { view, provider, roots: () => provider.roots(), onDidRefresh: provider.onDidRefresh });

  return vscode.Disposable.from(
    provider,
    view,
    handbook.onDidChange((change) => {
      provider.invalidate(change);
      updateMessage();
    }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('handbookRoles.showBuiltinHandbook') || e.affectsConfiguration(GROUP_SETTING)) provider.invalidate();
      if (e.affectsConfiguration(GROUP_SETTING)) setGroupedContext();
    }),
    vscode.commands.registerCommand('handbookRoles.groupByLadder', () => setGrouping(true)),
    vscode.commands.registerCommand('handbookRoles.ungroupRoles', () => setGrouping(false)),
    vscode.commands.registerCommand('handbookRoles.openRole', openRole),
    vscode.commands.registerCommand('handbookRoles.revealRole', revealRole),
    vscode.commands.registerCommand('handbookRoles.refresh', refresh),
    vscode.commands.registerCommand('handbookRoles.showBuiltinHandbook', showBuiltinHandbook),
  );
};
