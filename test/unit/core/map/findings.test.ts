import * as assert from 'assert';
import { buildResponsibilityMap } from '../../../../src/core/map/analyze';
import { mapFindings } from '../../../../src/core/map/findings';
import type { Finding } from '../../../../src/core/types';
import { builtinRoles, roles } from './fixtures';

const brief = (f: Finding) => `${f.code} ${f.severity} ${f.range.line}:${f.range.column}-${f.range.endLine}:${f.range.endColumn}`;

describe('responsibility map findings (opt-in)', () => {
  const findings = mapFindings(buildResponsibilityMap(builtinRoles()));

  it('puts overlapping-responsibility (info) on both overlapping texts, with the other role and why', () => {
    const cto = findings.get('builtin:/roles/cto.md')!;
    const hoe = findings.get('builtin:/roles/head-of-engineering.md')!;
    assert.deepStrictEqual(cto.filter((f) => f.code === 'overlapping-responsibility').map(brief), [
      'overlapping-responsibility info 28:11-28:68',
    ]);
    assert.deepStrictEqual(hoe.filter((f) => f.code === 'overlapping-responsibility').map(brief), [
      'overlapping-responsibility info 19:11-19:88',
    ]);
    const msg = cto.find((f) => f.code === 'overlapping-responsibility')!.message;
    assert.match(
      msg,
      /^Head of Engineering claims the same or nearly the same responsibility: “Execute on the high-level architecture, structure and culture the CTO defined” \(similarity 0\.\d+; shared words: .*architecture.*\)\.$/,
    );
  });

  it('puts unowned-criterion (warning) on each criterion no accountable role owns', () => {
    const cto = findings.get('builtin:/roles/cto.md')!.filter((f) => f.code === 'unowned-criterion');
    assert.deepStrictEqual(cto.map(brief), ['unowned-criterion warning 38:5-38:65', 'unowned-criterion warning 39:5-39:59']);
    const hoe = findings.get('builtin:/roles/head-of-engineering.md')!.filter((f) => f.code === 'unowned-criterion');
    assert.deepStrictEqual(
      hoe.map((f) => f.range.line),
      [50, 51, 53, 54, 55, 56],
    );
    assert.match(hoe[0].message, /give Chief Technology Officer or Head of Engineering a responsibility for it/);
  });

  it('names the role that does own a criterion evaluated elsewhere', () => {
    const f = mapFindings(
      buildResponsibilityMap(
        roles(
          { id: 'lead', title: 'Lead', responsibilities: ['Write the roadmap'], successCriteria: ['Are incidents resolved within a day?'] },
          { id: 'sre', title: 'SRE', responsibilities: ['Resolve production incidents'] },
        ),
      ),
    );
    const [lead] = f.get('file:///hb/roles/lead.md')!;
    assert.strictEqual(lead.code, 'unowned-criterion');
    assert.match(lead.message, /only SRE has one/);
    assert.strictEqual(f.has('file:///hb/roles/sre.md'), false);
  });

  it('lists each file’s findings in position order', () => {
    for (const list of findings.values()) {
      const lines = list.map((f) => f.range.line);
      assert.deepStrictEqual(
        lines,
        [...lines].sort((a, b) => a - b),
      );
    }
  });
});
