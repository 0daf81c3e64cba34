/**
 * Every place naming a role as editor locations, for Find References, the Roles tree's "Find
 * References" and the code lens: one computation (core/language/references) for all three.
 */
import * as vscode from 'vscode';
import { roleReferences, type RoleReferences } from '../../core/language/references';
import { unlessCancelled } from '../../core/cancellation';
import type { Role } from '../../core/types';
import type { HandbookWorkspace } from '../handbookWorkspace';
import { isBuiltinUri } from './language';
import { toVsRange } from './ranges';
import { otherMarkdown } from './roleTexts';

/** The index a document's names resolve in: the built-ins resolve among themselves. */
export function indexFor(handbook: HandbookWorkspace, uri: string) {
  return !handbook.index.has(uri) && isBuiltinUri(uri) ? handbook.builtinIndex : handbook.index;
}

/** The places naming a role; undefined when cancelled. */
export async function placesOf(
  handbook: HandbookWorkspace,
  role: Role,
  token?: vscode.CancellationToken,
): Promise<RoleReferences | undefined> {
  const others = role.builtin ? [] : await otherMarkdown(handbook, token);
  if (token?.isCancellationRequested) return undefined;
  return unlessCancelled(() => roleReferences(indexFor(handbook, role.uri), role, others, token));
}

/** References and links (and the declarations when asked) as locations, grouped by file, in text order. */
export function toLocations(refs: RoleReferences, includeDeclaration: boolean): vscode.Location[] {
  const places = [...(includeDeclaration ? refs.declarations : []), ...refs.references, ...refs.links];
  places.sort((a, b) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0) || a.range.line - b.range.line || a.range.column - b.range.column);
  return places.map((p) => new vscode.Location(vscode.Uri.parse(p.uri), toVsRange(p.range)));
}
