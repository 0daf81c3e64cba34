import * as assert from 'assert';
import { errorDetail, errorMessage } from '../../../src/core/errors';

describe('errors: one helper for what was thrown', () => {
  it('the message for the user, the stack for the log', () => {
    const e = new TypeError('bad input');
    assert.strictEqual(errorMessage(e), 'bad input');
    assert.strictEqual(errorDetail(e), e.stack);
    assert.match(errorDetail(e), /^TypeError: bad input\n\s+at /);
  });

  it('anything else thrown, as text', () => {
    assert.strictEqual(errorMessage('plain'), 'plain');
    assert.strictEqual(errorDetail(42), '42');
    assert.strictEqual(errorDetail(undefined), 'undefined');
    const noStack = new Error('m');
    noStack.stack = undefined;
    assert.strictEqual(errorDetail(noStack), 'Error: m');
  });
});
