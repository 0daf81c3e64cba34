/** The ladder view's model: every ladder, each rung with what it adds and how much it inherits. */
import { effectiveResponsibilities, type RoleResolver } from '../compare';
import type { LadderItem, LadderModel } from '../protocol/ladderProtocol';
import type { Range } from '../types';
import type { OrgGraph } from './graph';
import { ladders } from './ladders';
import type { Role } from '../types';

const item = (text: string, r: Range): LadderItem => ({ text, line: r.line, column: r.column, endLine: r.endLine, endColumn: r.endColumn });

export function buildLadderModel(roles: readonly Role[], graph: OrgGraph): LadderModel {
  const resolve: RoleResolver = (reference) => graph.resolve(reference);
  return {
    ladders: ladders(roles, graph).map((l) => ({
      name: l.name,
      rungs: l.rungs.map((r) => ({
        key: r.role.uri,
        id: r.role.id,
        title: r.role.title,
        ...(r.role.level ? { level: r.role.level.value } : {}),
        ...(r.parent ? { parent: { key: r.parent.uri, title: r.parent.title } } : {}),
        adds: {
          responsibilities: r.role.responsibilities.map((x) => item(x.text, x.textRange)),
          successCriteria: r.role.successCriteria.map((x) => item(x.value, x.range)),
        },
        inherited: effectiveResponsibilities(r.role, resolve).filter((x) => x.inheritedFrom).length,
      })),
    })),
  };
}
