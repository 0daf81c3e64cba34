/** The contract's JSON shape of a handbook diff. */
import { hasChanges } from './diffHandbooks';
import type { DiffJson, HandbookDiff, ItemDelta, TextDeltaJson } from './types';

const texts = (d: ItemDelta): TextDeltaJson => ({ added: d.added.map((i) => i.text), removed: d.removed.map((i) => i.text) });

export function toDiffJson(diff: HandbookDiff): DiffJson {
  const out: DiffJson = { added: [], removed: [], renamed: [], changed: [], moved: [] };
  for (const r of diff.roles) {
    if (r.status === 'added') out.added.push(r.id);
    else if (r.status === 'removed') out.removed.push(r.id);
    else {
      if (r.status === 'renamed') out.renamed.push({ from: r.base!.id, to: r.id });
      if (hasChanges(r)) {
        out.changed.push({
          role: r.id,
          responsibilities: texts(r.responsibilities),
          successCriteria: texts(r.successCriteria),
          focus: texts(r.focus),
          fields: [...r.fields],
        });
      }
    }
  }
  out.renamed.sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
  out.moved = diff.moved.map((m) => ({ text: m.text, from: m.from, to: m.to }));
  return out;
}
