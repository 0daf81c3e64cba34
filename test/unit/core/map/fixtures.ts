/** Role files for the map tests: the built-in handbook, and small role files written inline. */
import * as fs from 'fs';
import * as path from 'path';
import { parseFile } from '../../../../src/core/parse';
import type { Role } from '../../../../src/core/types';

const BUILTIN = path.join(__dirname, '..', '..', '..', '..', 'builtin', 'roles');

export function builtinRoles(): Role[] {
  return ['cto.md', 'head-of-engineering.md'].map((f) => roleOf(`builtin:/roles/${f}`, fs.readFileSync(path.join(BUILTIN, f), 'utf8')));
}

export function roleOf(uri: string, text: string): Role {
  const parsed = parseFile(uri, text);
  if (!parsed.role) throw new Error(`no role in ${uri}`);
  return parsed.role;
}

export interface RoleSpec {
  id: string;
  title?: string;
  responsibilities: (string | { text: string; area?: string; id?: string })[];
  successCriteria?: string[];
  sharesSuccessCriteriaOf?: string[];
}

/** A role file's text from a compact description (JSON strings are valid YAML scalars). */
export function roleText(spec: RoleSpec): string {
  const lines = ['---', `role: ${spec.id}`, `title: ${JSON.stringify(spec.title ?? spec.id)}`, 'type: manager', 'responsibilities:'];
  for (const r of spec.responsibilities) {
    if (typeof r === 'string') lines.push(`  - ${JSON.stringify(r)}`);
    else {
      lines.push(`  - text: ${JSON.stringify(r.text)}`);
      if (r.area) lines.push(`    area: ${JSON.stringify(r.area)}`);
      if (r.id) lines.push(`    id: ${r.id}`);
    }
  }
  if (spec.successCriteria?.length) lines.push('successCriteria:', ...spec.successCriteria.map((c) => `  - ${JSON.stringify(c)}`));
  if (spec.sharesSuccessCriteriaOf?.length) lines.push(`sharesSuccessCriteriaOf: [${spec.sharesSuccessCriteriaOf.join(', ')}]`);
  lines.push('---', '');
  return lines.join('\n');
}

export function roles(...specs: RoleSpec[]): Role[] {
  return specs.map((s) => roleOf(`file:///hb/roles/${s.id}.md`, roleText(s)));
}
