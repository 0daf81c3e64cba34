import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { parse } from 'yaml';
import { parseFile } from '../../../src/core/parse';
import { REQUIRED_KEYS, roleIdProblem, roleTypeChoices, scaffoldRole, suggestRoleId, titleProblem } from '../../../src/core/scaffold';
import { LineMap } from '../../../src/core/text';

const schema = JSON.parse(fs.readFileSync(path.join(__dirname, '../../../schemas/role.schema.json'), 'utf8'));

/** The text a 1-based range covers. */
function textAt(text: string, r: { line: number; column: number; endLine: number; endColumn: number }): string {
  const lines = new LineMap(text);
  return text.slice(lines.offset(r.line, r.column), lines.offset(r.endLine, r.endColumn));
}

describe('scaffold: new role file from the schema', () => {
  it('is a valid role file with no finding, for every role type', () => {
    for (const { value } of roleTypeChoices()) {
      const s = scaffoldRole({ id: 'platform-lead', title: 'Platform Lead', type: value });
      const parsed = parseFile('roles/platform-lead.md', s.text, { forceRoleFile: true });
      assert.deepStrictEqual(parsed.findings, [], s.text);
      assert.strictEqual(parsed.role?.id, 'platform-lead');
      assert.strictEqual(parsed.role?.type, value);
      assert.strictEqual(s.fileName, 'platform-lead.md');
    }
  });

  it('quotes titles and summaries that YAML would misread, and keeps them exact', () => {
    const title = 'Head: of "Ops" #1';
    const summary = "yes: it's - [odd]";
    const s = scaffoldRole({ id: 'ops', title, type: 'manager', summary });
    const parsed = parseFile('a.md', s.text);
    assert.deepStrictEqual(parsed.findings, []);
    assert.strictEqual(parsed.role?.title, title);
    assert.strictEqual(parsed.role?.summary, summary);
    assert.ok(s.text.includes(`\n# ${title}\n`), 'heading with the title');
  });

  it('fills every required key and lists every optional key of the schema, in schema order', () => {
    const s = scaffoldRole({ id: 'x', title: 'X', type: 'executive' });
    const fm = s.text.split('\n---\n')[0].slice(4);
    const data = parse(fm) as Record<string, unknown>;
    assert.deepStrictEqual(Object.keys(data).sort(), [...REQUIRED_KEYS].sort());
    const keys = Object.keys(schema.properties);
    const positions = keys.map((k) => fm.search(new RegExp(`^(# )?${k}:`, 'm')));
    positions.forEach((p, i) => assert.ok(p >= 0, `key ${keys[i]} missing from the scaffold`));
    assert.deepStrictEqual(
      [...positions].sort((a, b) => a - b),
      positions,
      'schema order',
    );
    assert.ok(fm.includes('# aliases: [CTO]'), 'optional keys show the schema example');
  });

  it('points at the placeholder responsibility, plain or quoted', () => {
    const plain = scaffoldRole({ id: 'x', title: 'X', type: 'manager' }, { responsibility: 'Do things' });
    assert.strictEqual(textAt(plain.text, plain.placeholder), 'Do things');
    const quoted = scaffoldRole({ id: 'x', title: 'X', type: 'manager' }, { responsibility: 'Note: do things' });
    assert.strictEqual(textAt(quoted.text, quoted.placeholder), 'Note: do things');
    assert.strictEqual(parseFile('a.md', quoted.text).role?.responsibilities[0].text, 'Note: do things');
  });

  it('checks ids and titles', () => {
    assert.strictEqual(roleIdProblem(''), 'empty');
    assert.strictEqual(roleIdProblem('Tech Lead'), 'pattern');
    assert.strictEqual(roleIdProblem('tech--lead'), 'pattern');
    assert.strictEqual(roleIdProblem('1st'), 'pattern');
    assert.strictEqual(roleIdProblem('tech-lead'), undefined);
    assert.strictEqual(
      roleIdProblem('cto', (n) => n === 'cto'),
      'taken',
    );
    assert.strictEqual(titleProblem('  '), 'empty');
    assert.strictEqual(
      titleProblem('CTO', (n) => n.toLowerCase() === 'cto'),
      'taken',
    );
    assert.strictEqual(titleProblem('Tech Lead'), undefined);
    assert.strictEqual(suggestRoleId('Chief Technology Officer'), 'chief-technology-officer');
  });

  it('offers the role types of the schema with their descriptions', () => {
    assert.deepStrictEqual(
      roleTypeChoices().map((c) => c.value),
      schema.properties.type.enum,
    );
    assert.ok(roleTypeChoices().every((c) => c.description.length > 0));
  });
});
