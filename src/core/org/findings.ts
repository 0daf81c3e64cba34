/**
 * The organisation findings of one role: `inheritance-cycle`, `level-order`, the inherited side of
 * `duplicate-responsibility`, and `reporting-cycle`. Each depends only on the role's `extends`
 * chain and on the reporting lines above its relationships, which is what lets the index re-check
 * only the roles an edit touches.
 */
import * as l10n from '@vscode/l10n';
import { normalizeName } from '../text';
import type { Finding, Role } from '../types';
import type { OrgGraph } from './graph';
import { extendsChain, inheritedResponsibilityOwners, parentOf } from './inheritance';
import { cycleOf, edgeOf } from './reporting';

const name = (r: Role) => `"${r.id}"`;

export function orgFindings(role: Role, graph: OrgGraph): Finding[] {
  const out: Finding[] = [];
  if (role.extends) {
    const chain = extendsChain(role, graph);
    if (chain.onCycle && chain.cycle) {
      const path = [...chain.cycle, role].map((r) => r.id).join(' → ');
      out.push({
        code: 'inheritance-cycle',
        severity: 'error',
        message: l10n.t('Role {0} extends itself through a cycle of "extends": {1}. Remove one "extends" of the cycle.', name(role), path),
        range: role.extends.range,
      });
    }
    const parent = parentOf(role, graph);
    if (role.level && parent?.level && role.level.value <= parent.level.value && parent.uri !== role.uri) {
      out.push({
        code: 'level-order',
        severity: 'warning',
        message: l10n.t(
          'Level {0} is not above level {1} of {2} ({3}), the role this one extends: a higher rung needs a higher level.',
          String(role.level.value),
          String(parent.level.value),
          name(parent),
          parent.title,
        ),
        range: role.level.range,
        data: { suggestions: [String(parent.level.value + 1)] },
      });
    }
    if (chain.ancestors.length) {
      const owners = inheritedResponsibilityOwners(chain.ancestors);
      const own = new Set<string>();
      for (const r of role.responsibilities) {
        const key = normalizeName(r.text);
        // A second copy of its own text is already a duplicate-responsibility of the role itself.
        if (own.has(key)) continue;
        own.add(key);
        const from = owners.get(key);
        if (!from) continue;
        out.push({
          code: 'duplicate-responsibility',
          severity: 'warning',
          message: l10n.t('This responsibility is already inherited from role {0} ({1}) through "extends".', name(from), from.title),
          range: r.textRange,
          data: { name: from.id },
        });
      }
    }
  }
  for (const rel of role.relationships) {
    const edge = edgeOf(role, rel, graph);
    if (!edge) continue;
    const cycle = cycleOf(edge, graph);
    if (!cycle) continue;
    out.push({
      code: 'reporting-cycle',
      severity: 'error',
      message: l10n.t(
        'This reporting line is on a cycle: {0} (each reports to the next). Someone has to be at the top: remove one line of the cycle.',
        cycle.map((r) => r.id).join(' → '),
      ),
      range: rel.withRange,
    });
  }
  return out;
}
