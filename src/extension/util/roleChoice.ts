/**
 * Finding and picking roles across the workspace handbook and the built-in one, for commands that
 * take a role (open, compare). Built-in roles resolve their references among the built-ins.
 */
import * as vscode from 'vscode';
import type { RoleResolver } from '../../core/compare';
import type { Role } from '../../core/types';
import type { HandbookWorkspace } from '../handbookWorkspace';

/** Every role offered to the user: the workspace's (or the stand-in built-ins), then the built-ins. */
export function allRoles(handbook: HandbookWorkspace): Role[] {
  const seen = new Set<string>();
  const out: Role[] = [];
  for (const r of [...handbook.index.roles(), ...handbook.builtinIndex.roles()]) {
    if (seen.has(r.uri)) continue;
    seen.add(r.uri);
    out.push(r);
  }
  const byTitle = (a: Role, b: Role) =>
    Number(!!a.builtin) - Number(!!b.builtin) ||
    a.title.localeCompare(b.title, undefined, { sensitivity: 'base' }) ||
    (a.uri < b.uri ? -1 : 1);
  return out.sort(byTitle);
}

export function roleResolver(handbook: HandbookWorkspace): RoleResolver {
  return (reference, from) => (from.builtin ? handbook.builtinIndex.resolve(reference) : handbook.index.resolve(reference));
}

/** The role of a file (workspace or built-in). */
export function roleByUri(handbook: HandbookWorkspace, uri: string): Role | undefined {
  return handbook.index.get(uri)?.role ?? handbook.builtinIndex.get(uri)?.role;
}

/**
 * A role named by a command argument: a file URI (string or Uri) of a role, or a role reference
 * (id, title or alias), looked up in the workspace handbook first, then among the built-ins.
 */
export function findRole(handbook: HandbookWorkspace, arg: unknown): Role | undefined {
  if (arg instanceof vscode.Uri) return roleByUri(handbook, arg.toString());
  if (typeof arg !== 'string' || !arg.trim()) return undefined;
  return roleByUri(handbook, arg) ?? handbook.index.resolve(arg) ?? handbook.builtinIndex.resolve(arg);
}

/** A role from a command argument: a Roles tree node (or anything with a role or a uri), a URI or a reference. */
export function roleOfArg(handbook: HandbookWorkspace, arg: unknown): Role | undefined {
  if (typeof arg === 'object' && arg !== null && !(arg instanceof vscode.Uri)) {
    const node = arg as { role?: { uri?: unknown }; uri?: unknown };
    const uri = typeof node.role?.uri === 'string' ? node.role.uri : typeof node.uri === 'string' ? node.uri : undefined;
    return uri ? roleByUri(handbook, uri) : undefined;
  }
  return findRole(handbook, arg);
}

interface RolePick extends vscode.QuickPickItem {
  role: Role;
}

/** Asks for a role with a quick pick; undefined when cancelled or when there is none. */
export async function pickRole(handbook: HandbookWorkspace, placeHolder: string, exclude?: string): Promise<Role | undefined> {
  await handbook.ready;
  const items: RolePick[] = allRoles(handbook)
    .filter((r) => r.uri !== exclude)
    .map((role) => ({
      label: role.title,
      description: [role.id, role.builtin ? vscode.l10n.t('built-in') : undefined, role.type].filter(Boolean).join(' · '),
      detail: role.summary,
      role,
    }));
  if (!items.length) {
    void vscode.window.showInformationMessage(vscode.l10n.t('There are no roles to choose from.'));
    return undefined;
  }
  const picked = await vscode.window.showQuickPick(items, { placeHolder, matchOnDescription: true, matchOnDetail: true });
  return picked?.role;
}
