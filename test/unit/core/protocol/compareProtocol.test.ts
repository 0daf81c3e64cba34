import * as assert from 'assert';
import { parseCompareState, parseWebviewMessage } from '../../../../src/core/protocol/compareProtocol';

const U = 'file:///w/roles/a.md';

describe('compare protocol: messages from the webview', () => {
  it('accepts each well-formed message and returns a copy of it', () => {
    const good = [
      { type: 'ready' },
      { type: 'swap' },
      { type: 'copyMarkdown' },
      { type: 'pick', side: 'left', uri: U },
      { type: 'pick', side: 'right', uri: U },
      { type: 'open', uri: U, line: 3, column: 5, endLine: 3, endColumn: 5 },
      { type: 'open', uri: U, line: 3, column: 9, endLine: 4, endColumn: 1 },
      { type: 'rendered', left: U, right: '', items: 0, foreign: 0, text: '' },
    ];
    for (const m of good) {
      const parsed = parseWebviewMessage(m);
      assert.deepStrictEqual(parsed, m, JSON.stringify(m));
      assert.notStrictEqual(parsed, m, 'a fresh object, not the input');
    }
  });

  it('refuses anything else', () => {
    const bad: unknown[] = [
      undefined,
      null,
      42,
      'ready',
      [],
      [{ type: 'ready' }],
      {},
      { type: 'READY' },
      { type: 'ready', x: 1 },
      { type: 'pick', side: 'middle', uri: U },
      { type: 'pick', side: 'left' },
      { type: 'pick', side: 'left', uri: '' },
      { type: 'pick', side: 'left', uri: 'x'.repeat(5000) },
      { type: 'pick', side: 'left', uri: { toString: () => U } },
      { type: 'open', uri: U, line: 1, column: 1 },
      { type: 'open', uri: U, line: 0, column: 1, endLine: 1, endColumn: 1 },
      { type: 'open', uri: U, line: 1.5, column: 1, endLine: 2, endColumn: 1 },
      { type: 'open', uri: U, line: '1', column: 1, endLine: 1, endColumn: 1 },
      { type: 'open', uri: U, line: 2, column: 1, endLine: 1, endColumn: 1 },
      { type: 'open', uri: U, line: 2, column: 5, endLine: 2, endColumn: 4 },
      { type: 'open', uri: U, line: 1e9, column: 1, endLine: 1e9, endColumn: 1 },
      { type: 'open', uri: U, line: 1, column: 1, endLine: 1, endColumn: 1, command: 'rm' },
      { type: 'rendered', left: U, right: U, items: -1, foreign: 0, text: '' },
      { type: 'rendered', left: U, right: U },
      { type: 'rendered', left: U, right: U, items: 1, foreign: 1.5, text: '' },
      { type: 'rendered', left: U, right: U, items: 1, foreign: 0, text: 'x'.repeat(5000) },
    ];
    for (const m of bad) assert.strictEqual(parseWebviewMessage(m), undefined, JSON.stringify(m) ?? String(m));
  });

  it('ignores inherited properties (a prototype is not a message)', () => {
    const proto = { type: 'ready' };
    assert.strictEqual(parseWebviewMessage(Object.create(proto)), undefined);
  });
});

describe('compare protocol: restored state', () => {
  it('accepts two side references, dropping anything else', () => {
    const state = { left: { uri: U, id: 'a', extra: true }, right: { uri: 'handbook-builtin:/roles/cto.md', id: 'cto' }, junk: 1 };
    assert.deepStrictEqual(parseCompareState(state), {
      left: { uri: U, id: 'a' },
      right: { uri: 'handbook-builtin:/roles/cto.md', id: 'cto' },
    });
  });

  it('refuses a partial or malformed state', () => {
    for (const s of [
      undefined,
      null,
      'x',
      {},
      { left: { uri: U, id: 'a' } },
      { left: { uri: U }, right: { uri: U, id: 'b' } },
      { left: { uri: 1, id: 'a' }, right: { uri: U, id: 'b' } },
    ]) {
      assert.strictEqual(parseCompareState(s), undefined, JSON.stringify(s));
    }
  });
});
