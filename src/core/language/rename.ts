/**
 * Renaming a role's name (its id, title or an alias) across the handbook: one set of edits that
 * changes the declaration and every reference and `[[link]]` using that same name, in every file,
 * keeping link labels, YAML quoting, comments, line endings and the BOM. Pure: the caller gives
 * the texts of the files the plan names (open editors or the disk) and applies the edits.
 *
 * Names are matched as the index matches them (case-insensitive, trimmed, whitespace collapsed).
 * A rename is refused when its result would be wrong or surprising: an empty name, an id that is
 * not kebab-case, a name another role holds, a name that links cannot hold, or a name that
 * references or links already use while it names no role (they would start naming this one).
 */
import { normalizeName } from '../text';
import type { Role } from '../types';
import { documentNames } from './nameSpans';
import { throwIfCancelled, type CancellationLike } from '../cancellation';
import type { NameTarget, Refusal, RoleNameIndex } from './roleAt';
import { scalarFor, type FileEdits, type TextEdit } from './textEdits';

export const KEBAB_CASE = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

export interface RenamePlan {
  target: NameTarget;
  /** The new name, trimmed. */
  newName: string;
  /** Whether the handbook's references to the name lead to this role (then they follow it). */
  referencesFollow: boolean;
  /** The role files to read: the role's own and every one that uses the name. */
  files: string[];
}

export interface RenameOptions {
  /** Rename the role file too when it is named after the id (`cto.md` → `chief-technology.md`). */
  renameFile?: boolean;
}

export interface RenameResult {
  /** Edits by file, files in URI order, edits in text order. */
  files: FileEdits[];
  /** The role file's new URI, when it is renamed along with the id. */
  fileRename?: { from: string; to: string };
}

/** A Markdown file that is not a role file, searched for links (with `linksInAllMarkdown`). */
export interface OtherMarkdown {
  uri: string;
  text: string;
}

function describeRole(role: Role): string {
  return role.title && role.title !== role.id ? `"${role.id}" (${role.title})` : `"${role.id}"`;
}

function kindWord(target: NameTarget): string {
  return target.kind === 'id' ? 'id' : target.kind === 'title' ? 'title' : 'alias';
}

/** Checks a new name against the handbook and lists the files a rename reads. */
export function planRename(index: RoleNameIndex, target: NameTarget, newNameRaw: string): RenamePlan | Refusal {
  const { role } = target;
  const newName = newNameRaw.trim();
  if (role.builtin) return { error: 'Built-in roles are read-only: copy the role into your handbook to rename it.', reason: 'builtin' };
  if (!newName) return { error: `The new ${kindWord(target)} is empty.`, reason: 'empty' };
  if (/[\[\]|\r\n]/.test(newName))
    return {
      error: `"${newName}" cannot be a role name: [[links]] cannot hold "[", "]", "|" or a line break.`,
      reason: 'link-chars',
      args: [newName],
    };
  if (target.kind === 'id' && !KEBAB_CASE.test(newName)) {
    const example = suggestId(newName);
    return {
      error: `"${newName}" is not a valid role id: use kebab-case (lowercase letters and digits joined by single hyphens), e.g. "${example}".`,
      reason: 'not-kebab-case',
      args: [newName, example],
    };
  }
  const oldKey = normalizeName(target.name);
  const newKey = normalizeName(newName);
  if (newKey !== oldKey) {
    const holder = index.ownersOf(newKey).find((u) => u !== role.uri);
    if (holder) {
      const other = index.get(holder)?.role;
      return {
        error: `"${newName}" is already a name of role ${other ? describeRole(other) : holder}: role ids, titles and aliases must be unique.`,
        reason: 'taken',
        args: [newName, other?.id ?? holder],
      };
    }
    if (index.ownersOf(newKey).length === 0) {
      const users = index.referrersOf(newKey);
      if (users.length) return unresolvedUsers(newName, role, users.length);
    }
  }
  // References follow the renamed name when it leads to this role, unless another of the role's
  // names (`cto` and the alias `CTO`) keeps leading them there.
  const resolved = index.resolve(target.name);
  const kept = [role.id, role.title, ...role.aliases.map((a) => a.value)].filter((n) => normalizeName(n) === oldKey).length > 1;
  const referencesFollow = resolved?.uri === role.uri && !kept;
  const files = new Set([role.uri]);
  if (referencesFollow) for (const u of index.referrersOf(oldKey)) if (!index.get(u)?.role?.builtin) files.add(u);
  return { target, newName, referencesFollow, files: [...files].sort() };
}

function unresolvedUsers(newName: string, role: Role, files: number): Refusal {
  const error = `"${newName}" is already used by references or links in ${files} file${files === 1 ? '' : 's'} where it names no role: after this rename they would name ${describeRole(role)}. Choose another name, or change them first.`;
  return { error, reason: 'unresolved-users', args: [newName, String(files), role.id] };
}

/** A kebab-case form of a name for the refusal's example. */
function suggestId(name: string): string {
  const id = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^[-0-9]+|-$/g, ''); // runs are one '-' by now
  return id || 'new-role';
}

/**
 * The edits of a planned rename. `read` gives the text of each planned file (undefined when it
 * cannot be read: the rename is then refused rather than done in part); `others` are the Markdown
 * files that are not role files whose links count too.
 */
export function renameEdits(
  plan: RenamePlan,
  read: (uri: string) => string | undefined,
  others: Iterable<OtherMarkdown> = [],
  options: RenameOptions = {},
  token?: CancellationLike,
): RenameResult | Refusal {
  const { target, newName, referencesFollow } = plan;
  const { role } = target;
  const oldKey = normalizeName(target.name);
  const newKey = normalizeName(newName);
  const files: FileEdits[] = [];
  for (const uri of plan.files) {
    throwIfCancelled(token);
    const text = read(uri);
    if (text === undefined) return { error: `The rename was not made: ${uri} could not be read.`, reason: 'not-made' };
    const names = documentNames(text, true);
    const edits: TextEdit[] = [];
    if (uri === role.uri) {
      const decls = names.declarations.filter((d) => d.kind === target.kind && normalizeName(d.name) === oldKey);
      if (decls.length === 0)
        return { error: `The rename was not made: the ${kindWord(target)} "${target.name}" is no longer in ${uri}.`, reason: 'not-made' };
      for (const d of decls) {
        if (d.style === 'block')
          return {
            error: `The rename was not made: the ${kindWord(target)} in ${uri} is a block scalar; write it on one line first.`,
            reason: 'not-made',
          };
        edits.push({ range: d.range, newText: scalarFor(newName, d.style, d.flow) });
      }
    }
    if (referencesFollow) {
      for (const r of names.references) {
        if (normalizeName(r.name) !== oldKey) continue;
        if (r.style === 'block')
          return {
            error: `The rename was not made: a reference in ${uri} is a block scalar; write it on one line first.`,
            reason: 'not-made',
          };
        edits.push({ range: r.range, newText: scalarFor(newName, r.style, r.flow) });
      }
      for (const l of names.links) if (normalizeName(l.target) === oldKey) edits.push({ range: l.targetRange, newText: newName });
    }
    if (edits.length) files.push({ uri, edits: sortEdits(edits) });
  }
  const planned = new Set(plan.files);
  let unresolvedCount = 0;
  for (const other of others) {
    throwIfCancelled(token);
    if (planned.has(other.uri)) continue;
    const links = documentNames(other.text, false).links;
    const edits: TextEdit[] = [];
    for (const l of links) {
      const key = normalizeName(l.target);
      if (referencesFollow && key === oldKey) edits.push({ range: l.targetRange, newText: newName });
      else if (key === newKey && key !== oldKey) unresolvedCount++;
    }
    if (edits.length) files.push({ uri: other.uri, edits });
  }
  // A link of another Markdown file that uses the new name names no role now (a role holding it was refused by the plan).
  if (unresolvedCount) return unresolvedUsers(newName, role, unresolvedCount);
  files.sort((a, b) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0));
  const result: RenameResult = { files };
  if (options.renameFile && target.kind === 'id') {
    const to = renamedFile(role.uri, target.name, newName);
    if (to && to !== role.uri) result.fileRename = { from: role.uri, to };
  }
  return result;
}

function sortEdits(edits: TextEdit[]): TextEdit[] {
  return edits.sort((a, b) => a.range.line - b.range.line || a.range.column - b.range.column);
}

/** The role file's URI with the new id as its name, when its name is the old id (`cto.md`). */
export function renamedFile(uri: string, oldId: string, newId: string): string | undefined {
  const slash = uri.lastIndexOf('/');
  const base = uri.slice(slash + 1);
  const dot = base.lastIndexOf('.');
  if (dot <= 0) return undefined;
  const ext = base.slice(dot);
  if (!/^\.(md|markdown)$/i.test(ext) || safeDecode(base.slice(0, dot)) !== oldId) return undefined;
  return uri.slice(0, slash + 1) + newId + ext;
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
