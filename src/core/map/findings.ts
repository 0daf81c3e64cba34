/**
 * The opt-in findings of the responsibility map (off by default, behind a setting or a CLI flag):
 * - `overlapping-responsibility` (info) on a responsibility that another role claims too, the
 *   same or nearly the same;
 * - `unowned-criterion` (warning) on a success criterion that no responsibility of a role
 *   evaluated on it matches (its own role, or a role sharing its criteria).
 */
import * as l10n from '@vscode/l10n';
import type { Finding } from '../types';
import { compareFindings } from '../findingOrder';
import { MapLookup, quote } from './describe';
import type { OverlapLink } from './types';
import type { ResponsibilityMap } from './types';

/** Findings by role file URI, each list sorted by position. */
export function mapFindings(map: ResponsibilityMap): Map<string, Finding[]> {
  const look = new MapLookup(map);
  const out = new Map<string, Finding[]>();
  const add = (uri: string, f: Finding) => {
    const list = out.get(uri);
    if (list) list.push(f);
    else out.set(uri, [f]);
  };
  for (const overlap of map.overlaps) {
    for (const key of overlap.items) {
      const item = look.item(key);
      const other = look.counterpart(overlap, key);
      if (!other) continue;
      const others = new Set(
        overlap.items
          .map((k) => look.item(k))
          .filter((it) => it.role !== item.role)
          .map((it) => it.role),
      );
      others.delete(other.item.role);
      const more = others.size ? ` ${l10n.t('(also {0})', joinNames([...others].map((r) => look.title(r))))}` : '';
      const why = other.link ? explainLink(other.link) : l10n.t('through similar responsibilities');
      add(item.role, {
        code: 'overlapping-responsibility',
        severity: 'info',
        message: l10n.t(
          '{0} claims the same or nearly the same responsibility: {1} ({2}){3}.',
          look.title(other.item.role),
          quote(other.item.text),
          why,
          more,
        ),
        range: item.range,
        data: { name: look.roles.get(other.item.role)?.id },
      });
    }
  }
  for (const gap of map.gaps) {
    if (gap.kind !== 'unowned-criterion') continue;
    const item = look.item(gap.item);
    const who = joinNames(
      gap.accountable.map((k) => look.title(k)),
      'or',
    );
    const message =
      gap.elsewhere.length === 0
        ? l10n.t(
            'No responsibility in the handbook matches this success criterion, so no role owns it: give {0} a responsibility for it.',
            who,
          )
        : l10n.t(
            'No responsibility of {0} matches this success criterion; only {1} has one. Give {0} a responsibility for it, or move the criterion.',
            who,
            joinNames(gap.elsewhere.map((k) => look.title(k))),
          );
    add(item.role, { code: 'unowned-criterion', severity: 'warning', message, range: item.range });
  }
  for (const list of out.values()) list.sort(compareFindings);
  return out;
}

// The wording of describe.ts's explainLink and joinNames, translatable: a finding is shown in the
// display language, while the reports that use describe.ts stay English throughout.

/** Why two items overlap, in words: "same text" or "similarity 0.83; shared words: a, b". */
function explainLink(link: OverlapLink): string {
  if (link.same) return l10n.t('same text');
  return l10n.t('similarity {0}; shared words: {1}', link.score.toFixed(2), link.words.join(', '));
}

/** Joins names: "A", "A and B", "A, B and C" (or "A, B or C"). */
function joinNames(names: readonly string[], conjunction: 'and' | 'or' = 'and'): string {
  if (names.length <= 1) return names[0] ?? '';
  const head = names.slice(0, -1).join(', ');
  const last = names[names.length - 1];
  return conjunction === 'and' ? l10n.t('{0} and {1}', head, last) : l10n.t('{0} or {1}', head, last);
}
