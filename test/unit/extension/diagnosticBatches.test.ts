/** src/extension/util/diagnosticBatches.ts: diagnostics of many files in as few set() calls as VS Code takes. */
import * as assert from 'assert';
import { diagnosticBatches, MAX_DIAGNOSTICS_PER_CALL } from '../../../src/extension/util/diagnosticBatches';

const list = (n: number) => Array.from({ length: n }, (_, i) => i);
const shape = (runs: [string, number[] | undefined][][]) =>
  runs.map((run) => run.map(([k, l]) => `${k}:${l === undefined ? '-' : l.length}`));

describe('extension: diagnostics in batches (diagnosticBatches.ts)', () => {
  it('puts the files of a scan in one call while their diagnostics fit under VS Code’s 1,100 per call', () => {
    const entries = Array.from({ length: 500 }, (_, i) => [`f${i}`, list(i % 50 === 7 ? 1 : 0)] as const);
    const runs = diagnosticBatches(entries);
    assert.ok(MAX_DIAGNOSTICS_PER_CALL <= 1100);
    assert.strictEqual(runs.length, 1);
    assert.strictEqual(runs[0].length, 500);
    assert.deepStrictEqual(runs[0][7], ['f7', [0]]);
  });

  it('starts a new call before the total would pass the limit, keeping the order; cleared files count nothing', () => {
    const runs = diagnosticBatches(
      [
        ['a', list(6)],
        ['b', undefined],
        ['c', list(4)],
        ['d', list(1)],
        ['e', list(25)],
        ['f', []],
        ['g', list(10)],
      ],
      10,
    );
    assert.deepStrictEqual(shape(runs), [['a:6', 'b:-', 'c:4'], ['d:1'], ['e:25'], ['f:0', 'g:10']]);
  });

  it('gives nothing for nothing, and copies the lists (the caller may reuse its arrays)', () => {
    assert.deepStrictEqual(diagnosticBatches([]), []);
    const mine = [1, 2];
    const [[[, copied]]] = diagnosticBatches([['x', mine]]);
    assert.deepStrictEqual(copied, [1, 2]);
    assert.notStrictEqual(copied, mine);
  });
});
