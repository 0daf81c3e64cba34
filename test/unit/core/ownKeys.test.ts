/**
 * Keys from user text never reach Object.prototype through our lookup tables (src/core/own.ts):
 * `constructor`, `toString`, `__proto__` and friends are plain words, not table entries.
 */
import * as assert from 'assert';
import { rungOf } from '../../../src/core/import/ladder';
import { roleNameFrom, typeFromTitle } from '../../../src/core/import/roleNames';
import { decodeEntities } from '../../../src/core/import/text';
import { schemaAt } from '../../../src/core/language/schemaDocs';
import { own } from '../../../src/core/own';
import { settingValue } from '../../../src/core/settings';

const PROTOTYPE_KEYS = ['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf', 'isPrototypeOf'];

describe('own-property lookups of user-controlled keys', () => {
  it('own() finds own entries only', () => {
    const table: Record<string, number> = { i: 1 };
    assert.strictEqual(own(table, 'i'), 1);
    for (const k of PROTOTYPE_KEYS) assert.strictEqual(own(table, k), undefined, k);
  });

  it('the schema knows no key named after a prototype member', () => {
    for (const k of PROTOTYPE_KEYS) {
      assert.strictEqual(schemaAt([k]), undefined, k);
      assert.strictEqual(schemaAt(['responsibilities', 0, k]), undefined, k);
    }
    assert.ok(schemaAt(['title']));
  });

  it('the importer reads "constructor" and "__proto__" as words, not as a rung number or a C-level title', () => {
    assert.deepStrictEqual(rungOf('Engineer constructor'), { stem: 'engineer constructor', seniority: 2, arabic: false });
    assert.deepStrictEqual(rungOf('Engineer __proto__'), { stem: 'engineer __proto__', seniority: 2, arabic: false });
    assert.deepStrictEqual(rungOf('Engineer III'), { stem: 'engineer', seniority: 2, num: 3, arabic: false });
    assert.strictEqual(typeFromTitle('Constructor', ['constructor', 'toString']), undefined);
    for (const k of PROTOTYPE_KEYS) {
      const name = roleNameFrom(`${k} - Tech Lead`);
      assert.ok(!name || typeof name.title === 'string', k);
    }
  });

  it('a setting with a prototype member as value falls back to the default', () => {
    for (const k of PROTOTYPE_KEYS) {
      assert.strictEqual(settingValue('validation.linkSeverity', k), 'warning', k);
      assert.strictEqual(settingValue('showBuiltinHandbook', k), 'whenEmpty', k);
    }
  });

  it('decodeEntities leaves references named after prototype members as written', () => {
    assert.strictEqual(decodeEntities('&constructor;'), '&constructor;');
    assert.strictEqual(decodeEntities('a &toString; b &__proto__; c &amp; d'), 'a &toString; b &__proto__; c & d');
  });
});
