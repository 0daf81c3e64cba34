import * as assert from 'assert';
import { HandbookIndex } from '../../../../src/core/handbookIndex';
import { buildOrgChart, CARD_HEIGHT, CARD_WIDTH } from '../../../../src/core/org/chart';
import { buildLadderModel } from '../../../../src/core/org/ladderView';
import { escapeXml, orgChartSvg } from '../../../../src/core/org/svg';
import { parseLadderMessage } from '../../../../src/core/protocol/ladderProtocol';
import { parseOrgMessage, parseOrgState } from '../../../../src/core/protocol/orgProtocol';
import { relation, roleFile } from '../../../support/roleFile';

const uri = (n: string) => `file:///h/roles/${n}.md`;
const role = (id: string, title: string, extra: string[] = []): string => roleFile(id, { title, quoteTitle: true, type: 'manager', extra });
const rel = (w: string, kind = 'reports-to') => relation(w, kind);
function indexOf(files: Record<string, string>): HandbookIndex {
  const index = new HandbookIndex();
  for (const [n, t] of Object.entries(files)) index.set(uri(n), t);
  return index;
}

const ORG = {
  cto: role('cto', 'CTO', ['ladder: Executives']),
  vpe: role('vpe', 'VP Engineering', ['relationships:', ...rel('cto')]),
  em: role('em', 'Engineering Manager', ['extends: vpe', 'level: 2', 'relationships:', ...rel('vpe')]),
  staff: role('staff', 'Staff Engineer', ['relationships:', ...rel('em'), ...rel('cto')]),
  alone: role('alone', 'Alone'),
};

describe('org chart layout (dagre)', () => {
  const index = indexOf(ORG);

  it('a card per role on a reporting line, managers above their reports, no overlaps, an edge per line', () => {
    const chart = buildOrgChart(index.roles(), index.orgGraph());
    assert.deepStrictEqual(
      chart.cards.map((c) => c.id),
      ['cto', 'em', 'staff', 'vpe'],
    );
    assert.deepStrictEqual(
      chart.choices.map((c) => c.title),
      ['CTO', 'Engineering Manager', 'Staff Engineer', 'VP Engineering'],
    );
    assert.strictEqual(chart.total, 4);
    const at = new Map(chart.cards.map((c) => [c.id, c]));
    assert.ok(at.get('cto')!.y < at.get('vpe')!.y && at.get('vpe')!.y < at.get('em')!.y && at.get('em')!.y < at.get('staff')!.y);
    for (const a of chart.cards) {
      assert.deepStrictEqual([a.width, a.height], [CARD_WIDTH, CARD_HEIGHT]);
      assert.ok(a.x >= 0 && a.y >= 0 && a.x + a.width <= chart.width && a.y + a.height <= chart.height, `${a.id} inside the chart`);
      for (const b of chart.cards) {
        if (a === b) continue;
        const apart = a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y;
        assert.ok(apart, `${a.id} and ${b.id} overlap`);
      }
    }
    assert.deepStrictEqual(
      chart.edges.map((e) => `${e.manager.slice(16, -3)}->${e.report.slice(16, -3)}`),
      ['cto->staff', 'cto->vpe', 'em->staff', 'vpe->em'],
    );
    for (const e of chart.edges) assert.ok(e.points.length >= 2 && !e.cycle);
    const em = at.get('em')!;
    assert.deepStrictEqual([em.type, em.ladder, em.level], ['manager', 'VP Engineering', 2]);
  });

  it('filters to a subtree: the role and everyone below it', () => {
    const chart = buildOrgChart(index.roles(), index.orgGraph(), uri('vpe'));
    assert.strictEqual(chart.root, uri('vpe'));
    assert.deepStrictEqual(
      chart.cards.map((c) => c.id),
      ['em', 'staff', 'vpe'],
    );
    assert.strictEqual(chart.edges.length, 2);
    assert.strictEqual(chart.choices.length, 4, 'the filter still offers every role');
    assert.strictEqual(buildOrgChart(index.roles(), index.orgGraph(), 'file:///nowhere.md').root, undefined);
  });

  it('shows cycles: the lines and cards on a cycle are marked, and the layout still ends', () => {
    const cyc = indexOf({
      a: role('a', 'A', ['relationships:', ...rel('b')]),
      b: role('b', 'B', ['relationships:', ...rel('a')]),
      c: role('c', 'C', ['relationships:', ...rel('c')]),
    });
    const chart = buildOrgChart(cyc.roles(), cyc.orgGraph());
    assert.deepStrictEqual(
      chart.cards.map((c) => `${c.id}:${c.cycle}`),
      ['a:true', 'b:true', 'c:true'],
    );
    assert.deepStrictEqual(
      chart.edges.map((e) => e.cycle),
      [true, true, true],
    );
    assert.strictEqual(chart.edges[2].points.length, 4, 'a self-line is a loop');
  });

  it('Save as SVG: a standalone file whose role text is escaped', () => {
    const hostile = indexOf({ a: role('a', '<script>alert(1)</script> & "q"', ['relationships:', ...rel('b')]), b: role('b', 'B') });
    const svg = orgChartSvg(buildOrgChart(hostile.roles(), hostile.orgGraph()), 'Org <chart>');
    assert.ok(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg" width="'));
    assert.ok(!svg.includes('<script'), svg);
    assert.ok(svg.includes('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;q&quot; (a)'));
    assert.ok(svg.includes('<title>Org &lt;chart&gt;</title>'));
    assert.strictEqual((svg.match(/<g class="card/g) ?? []).length, 2);
    assert.strictEqual((svg.match(/<path class="edge/g) ?? []).length, 1);
    assert.strictEqual(escapeXml('a\u0001b<'), 'a b&lt;');
  });

  it('the ladder model: rungs with what they add, where, and how much they inherit', () => {
    const model = buildLadderModel(index.roles(), index.orgGraph());
    assert.deepStrictEqual(
      model.ladders.map((l) => [
        l.name,
        l.rungs.map(
          (r) =>
            `${r.id}@${r.level ?? '-'}<${r.parent?.title ?? ''} +${r.adds.responsibilities.map((i) => `${i.text}:${i.line}:${i.column}`).join(',')} inherits ${r.inherited}`,
        ),
      ]),
      [
        ['Executives', ['cto@-< +Do the cto job:6:5 inherits 0']],
        ['VP Engineering', ['em@2<VP Engineering +Do the em job:6:5 inherits 1', 'vpe@-< +Do the vpe job:6:5 inherits 0']],
      ],
    );
  });

  it('the protocols accept only well-formed messages', () => {
    assert.deepStrictEqual(parseOrgMessage({ type: 'open', role: 'file:///a.md' }), { type: 'open', role: 'file:///a.md' });
    assert.deepStrictEqual(parseOrgMessage({ type: 'filter', root: null }), { type: 'filter', root: null });
    for (const bad of [
      null,
      [],
      { type: 'open' },
      { type: 'open', role: '' },
      { type: 'open', role: 'x', extra: 1 },
      { type: 'filter', root: 3 },
      { type: 'eval' },
      { type: 'rendered', cards: -1, edges: 0, foreign: 0, text: '' },
    ]) {
      assert.strictEqual(parseOrgMessage(bad), undefined, JSON.stringify(bad));
    }
    assert.deepStrictEqual(parseOrgState({ root: 'file:///a.md', x: 1 }), { root: 'file:///a.md' });
    assert.deepStrictEqual(parseOrgState('nope'), {});
    assert.deepStrictEqual(parseLadderMessage({ type: 'open', role: 'file:///a.md', line: 3 }), {
      type: 'open',
      role: 'file:///a.md',
      line: 3,
    });
    for (const bad of [
      { type: 'open', role: 'x', line: 0 },
      { type: 'open', role: 'x', line: 1.5 },
      { type: 'ready', x: 1 },
    ])
      assert.strictEqual(parseLadderMessage(bad), undefined);
  });
});
