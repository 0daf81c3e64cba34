/**
 * "Handbook: Find Role…": a quick pick over every role (workspace and built-in) fed from the
 * engine's RoleSearch on each keystroke — names, summaries, focus, responsibilities and success
 * criteria — that opens the role at the line that matched.
 *
 * Arguments (for keybindings and tests): `findRole('who owns onboarding')` or
 * `findRole({ query, limit })` returns the ranked results as plain data without any UI;
 * `findRole({ query, interactive: true })` opens the quick pick with the query typed in and
 * resolves with what was picked.
 */
import * as vscode from 'vscode';
import { LookupCache, RoleSearch, type SearchResult } from '../../core/lookup';
import { ancestorsOf } from '../../core/compare';
import type { Range, Role } from '../../core/types';
import type { FeatureContext } from '../featureContext';
import type { HandbookWorkspace } from '../handbookWorkspace';
import { toVsRange } from '../util/ranges';
import { roleResolver } from '../util/roleChoice';

/**
 * A role as the search sees it: its responsibilities and success criteria followed by those it
 * inherits through `extends` (so "who owns X" finds every rung holding X); `from` names, per
 * index past the role's own items, the role each inherited one comes from.
 */
type LookupRole = Role & { inheritedResponsibilities?: Role[]; inheritedCriteria?: Role[] };

const ITEMS_SHOWN = 50;

/** A result as the command returns it. */
export interface FoundRole {
  id: string;
  title: string;
  uri: string;
  builtin: boolean;
  score: number;
  match?: { kind: string; index: number; text: string };
  /** Where opening the result puts the cursor (1-based). */
  range: Range;
  /** The file of that place: the role's, or for an inherited item the file of the role it comes from. */
  openUri: string;
  /** For a match on an inherited item: the id of the role it comes from. */
  inheritedFrom?: string;
}

interface FindRoleArgs {
  query?: string;
  limit?: number;
  interactive?: boolean;
}

interface RoleItem extends vscode.QuickPickItem {
  /** Absent on the "no match" line. */
  result?: SearchResult<LookupRole>;
}

function parseArgs(arg: unknown): FindRoleArgs | undefined {
  if (typeof arg === 'string') return { query: arg };
  if (typeof arg !== 'object' || arg === null) return undefined;
  const a = arg as Record<string, unknown>;
  return {
    query: typeof a.query === 'string' ? a.query : undefined,
    limit: typeof a.limit === 'number' && Number.isFinite(a.limit) && a.limit > 0 ? Math.floor(a.limit) : undefined,
    interactive: a.interactive === true,
  };
}

/** The role an inherited match comes from, if the match is on an inherited item. */
function inheritedOf(result: SearchResult<LookupRole>): Role | undefined {
  const { role, match } = result;
  if (match?.kind === 'responsibility') return role.inheritedResponsibilities?.[match.index];
  if (match?.kind === 'successCriterion') return role.inheritedCriteria?.[match.index];
  return undefined;
}

/** Where a result opens: the matching line, else the title. */
function targetRange(result: SearchResult<LookupRole>): Range {
  const { role, match } = result;
  const fallback = role.titleRange ?? role.idRange;
  if (!match) return fallback;
  switch (match.kind) {
    case 'responsibility':
      return role.responsibilities[match.index]?.textRange ?? fallback;
    case 'successCriterion':
      return role.successCriteria[match.index]?.range ?? fallback;
    case 'focus':
      return role.focus[match.index]?.range ?? fallback;
    default:
      return fallback;
  }
}

function toFound(result: SearchResult<LookupRole>): FoundRole {
  const { role, match } = result;
  const from = inheritedOf(result);
  return {
    id: role.id,
    title: role.title,
    uri: role.uri,
    builtin: !!role.builtin,
    score: result.score,
    ...(match ? { match: { kind: match.kind, index: match.index, text: match.text } } : {}),
    range: targetRange(result),
    openUri: from?.uri ?? role.uri,
    ...(from ? { inheritedFrom: from.id } : {}),
  };
}

function matchLabel(kind: string): string {
  switch (kind) {
    case 'responsibility':
      return vscode.l10n.t('Responsibility');
    case 'successCriterion':
      return vscode.l10n.t('Success criterion');
    case 'focus':
      return vscode.l10n.t('Focus');
    default:
      return vscode.l10n.t('Summary');
  }
}

function toItem(result: SearchResult<LookupRole>): RoleItem {
  const { role, match } = result;
  const from = inheritedOf(result);
  const names = [...role.aliases.map((a) => a.value), role.id];
  if (role.builtin) names.push(vscode.l10n.t('built-in'));
  return {
    label: role.title,
    description: names.join(' · '),
    detail: match ? `${matchLabel(match.kind)}: ${match.text}${from ? ` (${vscode.l10n.t('from {0}', from.title)})` : ''}` : role.summary,
    iconPath: new vscode.ThemeIcon(role.builtin ? 'book' : 'person'),
    alwaysShow: true,
    result,
  };
}

/** The search over the current handbook, rebuilt only when the handbook changed. */
class LiveSearch {
  private readonly cache = new LookupCache();
  private search: RoleSearch<LookupRole> | undefined;
  private key = '';

  constructor(private readonly handbook: HandbookWorkspace) {}

  /** Workspace roles (or the stand-in built-ins), then every built-in role not already there. */
  private roles(): LookupRole[] {
    const seen = new Set<string>();
    const out: LookupRole[] = [];
    const resolve = roleResolver(this.handbook);
    for (const role of [...this.handbook.index.roles(), ...this.handbook.builtinIndex.roles()]) {
      if (seen.has(role.uri)) continue;
      seen.add(role.uri);
      out.push(withInherited(role, ancestorsOf(role, resolve)));
    }
    return out;
  }

  get current(): RoleSearch<LookupRole> {
    const key = `${this.handbook.index.generation}:${this.handbook.builtinIndex.generation}`;
    if (!this.search || key !== this.key) {
      this.search = new RoleSearch(this.roles(), this.cache);
      this.key = key;
    }
    return this.search;
  }
}

/** A role with its inherited items appended (the role itself when it inherits nothing: the search caches per object). */
function withInherited(role: Role, ancestors: Role[]): LookupRole {
  if (ancestors.length === 0) return role;
  const responsibilities = [...role.responsibilities];
  const successCriteria = [...role.successCriteria];
  const inheritedResponsibilities: Role[] = [];
  const inheritedCriteria: Role[] = [];
  for (const from of ancestors) {
    for (const r of from.responsibilities) {
      inheritedResponsibilities[responsibilities.length] = from;
      responsibilities.push(r);
    }
    for (const c of from.successCriteria) {
      inheritedCriteria[successCriteria.length] = from;
      successCriteria.push(c);
    }
  }
  return { ...role, responsibilities, successCriteria, inheritedResponsibilities, inheritedCriteria };
}

async function openResult(result: SearchResult<LookupRole>, toSide = false): Promise<void> {
  const uri = vscode.Uri.parse(inheritedOf(result)?.uri ?? result.role.uri);
  await vscode.window.showTextDocument(uri, {
    selection: toVsRange(targetRange(result)),
    preview: !toSide,
    viewColumn: toSide ? vscode.ViewColumn.Beside : undefined,
  });
}

/** Shows the quick pick; resolves with the accepted result (after opening it) or undefined. */
function showPicker(ctx: { handbook: HandbookWorkspace }, live: LiveSearch, initial: string): Promise<FoundRole | undefined> {
  const picker = vscode.window.createQuickPick<RoleItem>();
  picker.title = vscode.l10n.t('Find Role');
  picker.placeholder = vscode.l10n.t('Search roles by name, responsibility or success criterion, e.g. "who owns onboarding?"');
  // The engine ranks; VS Code must neither filter nor re-rank on its own.
  picker.matchOnDescription = false;
  picker.matchOnDetail = false;
  picker.value = initial;
  const toSide: vscode.QuickInputButton = {
    iconPath: new vscode.ThemeIcon('split-horizontal'),
    tooltip: vscode.l10n.t('Open to the Side'),
  };

  let ready = false;
  const update = () => {
    if (!ready) return;
    const results = live.current.search(picker.value, ITEMS_SHOWN);
    picker.items = results.length
      ? results.map((r) => ({ ...toItem(r), buttons: [toSide] }))
      : [{ label: vscode.l10n.t('No role matches "{0}".', picker.value.trim()), alwaysShow: true }];
  };

  return new Promise<FoundRole | undefined>((resolve) => {
    let accepted = false;
    const disposables: vscode.Disposable[] = [
      picker.onDidChangeValue(update),
      ctx.handbook.onDidChange(update),
      picker.onDidAccept(() => {
        const result = (picker.selectedItems[0] ?? picker.activeItems[0])?.result;
        if (!result) return;
        accepted = true;
        picker.hide();
        const found = toFound(result);
        void openResult(result).then(
          () => resolve(found),
          () => resolve(found),
        );
      }),
      picker.onDidTriggerItemButton((e) => {
        if (e.item.result) void openResult(e.item.result, true);
      }),
      picker.onDidHide(() => {
        for (const d of disposables) d.dispose();
        picker.dispose();
        // Accepting resolves once the editor is open; hiding otherwise means cancelled.
        if (!accepted) resolve(undefined);
      }),
    ];
    picker.busy = true;
    picker.show();
    void ctx.handbook.ready.then(() => {
      ready = true;
      picker.busy = false;
      update();
    });
  });
}

/** The command's handler, with the search it keeps between calls. */
export function findRoleCommand(ctx: FeatureContext): (arg?: unknown) => Promise<FoundRole[] | FoundRole | undefined> {
  const live = new LiveSearch(ctx.handbook);
  return async (arg?: unknown): Promise<FoundRole[] | FoundRole | undefined> => {
    const args = parseArgs(arg);
    if (args && !args.interactive && args.query !== undefined) {
      await ctx.handbook.ready;
      return live.current.search(args.query, args.limit ?? ITEMS_SHOWN).map(toFound);
    }
    return showPicker(ctx, live, args?.query ?? '');
  };
}
