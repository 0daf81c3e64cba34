/**
 * Property-based tests of the engine on arbitrary and mutated role files: frontmatter extraction,
 * YAML positions, schema mapping, link scanning and the whole parse never throw, every range lies
 * inside the document, and the same text always gives the same result.
 */
import * as assert from 'assert';
import * as fc from 'fast-check';
import { parse as parseYaml, stringify } from 'yaml';
import { findFrontmatter } from '../../../src/core/frontmatter';
import { scanLinks } from '../../../src/core/links';
import { contentHash } from '../../../src/core/handbookIndex';
import { parseFile, parseFrontmatterYaml } from '../../../src/core/parse';
import { TOP_LEVEL_KEYS } from '../../../src/core/schema';
import { LineMap, normalizeName, ownString, stripBom } from '../../../src/core/text';
import type { ParsedFile } from '../../../src/core/types';
import { nodeAtPath, pathAtOffset } from '../../../src/core/yamlTree';
import validate = require('../../../src/core/generated/roleValidator');
import { anyDocument, assertInside, check, fragment, mutatedRole, renderRole, roleSpec, runs } from './support';

/** Every range a parse result carries. */
function allRanges(p: ParsedFile): [string, ParsedFile['findings'][number]['range']][] {
  const out: [string, ParsedFile['findings'][number]['range']][] = [];
  for (const f of p.findings) out.push([`finding ${f.code}`, f.range]);
  for (const r of p.references) out.push(['reference', r.range]);
  for (const l of p.links) out.push(['link', l.range], ['link target', l.targetRange]);
  const role = p.role;
  if (role) {
    out.push(['role id', role.idRange], ['frontmatter', role.frontmatterRange]);
    if (role.titleRange) out.push(['title', role.titleRange]);
    for (const a of role.aliases) out.push(['alias', a.range]);
    for (const x of [...role.focus, ...role.successCriteria, ...role.sharesSuccessCriteriaOf]) out.push(['list item', x.range]);
    for (const r of role.responsibilities) out.push(['responsibility', r.range], ['responsibility text', r.textRange]);
    for (const r of role.relationships) out.push(['relationship', r.range], ['relationship with', r.withRange]);
  }
  return out;
}

function textAt(text: string, r: { line: number; column: number; endLine: number; endColumn: number }): string {
  const lines = new LineMap(text);
  return text.slice(lines.offset(r.line, r.column), lines.offset(r.endLine, r.endColumn));
}

describe('fuzz: engine on arbitrary and mutated role files', () => {
  it('frontmatter extraction: offsets are ordered and the closing line is a delimiter', () => {
    check(
      'frontmatter extraction',
      fc.property(anyDocument, (raw) => {
        const text = stripBom(raw);
        const fm = findFrontmatter(text);
        if (fm.kind === 'ok') {
          assert.ok(
            0 < fm.yamlStart &&
              fm.yamlStart <= fm.yamlEnd &&
              fm.yamlEnd <= fm.closeEnd &&
              fm.closeEnd <= fm.bodyStart &&
              fm.bodyStart <= text.length,
          );
          assert.match(text.slice(fm.yamlEnd, fm.closeEnd), /^---[ \t]*$/);
          assert.match(text.slice(0, fm.yamlStart), /^---[ \t]*(\r\n|\r|\n)$/);
        } else if (fm.kind === 'unclosed') {
          assert.ok(fm.openEnd >= 3 && fm.openEnd <= text.length);
        } else {
          assert.doesNotMatch(text, /^---[ \t]*(\r\n|\r|\n)[\s\S]*?(\r\n|\r|\n)---[ \t]*(\r\n|\r|\n|$)/);
        }
      }),
      runs(300),
    );
  });

  it('parseFile never throws, keeps every range inside the document, and is deterministic', () => {
    check(
      'parseFile',
      fc.property(anyDocument, fc.boolean(), (raw, forceRoleFile) => {
        const a = parseFile('file:///r.md', raw, { forceRoleFile });
        const lines = new LineMap(stripBom(raw));
        for (const [what, range] of allRanges(a)) assertInside(range, raw, what, lines);
        for (const f of a.findings) assert.ok(f.message.length > 0 && !/\n[ \t]+at /.test(f.message), `a plain message: ${f.message}`);
        if (a.role) assert.ok(a.isRoleFile);
        if (forceRoleFile) assert.ok(a.isRoleFile);
        // Re-validating an unchanged file gives the same result.
        assert.deepStrictEqual(parseFile('file:///r.md', raw, { forceRoleFile }), a);
      }),
      runs(200, 2),
    );
  });

  it('a valid role file gives no schema or YAML finding, whatever its line endings', () => {
    check(
      'valid role files',
      fc.property(roleSpec, (spec) => {
        const text = renderRole({
          ...spec,
          type: spec.type === 'wizard' ? 'manager' : spec.type,
          relationships: spec.relationships.map((r) => ({ ...r, kind: 'peer' })),
        });
        const p = parseFile('file:///r.md', text);
        const local = p.findings.filter((f) => f.code === 'schema' || f.code === 'yaml-syntax' || f.code.startsWith('frontmatter'));
        if (new Set(spec.aliases).size !== spec.aliases.length || spec.responsibilities.some((r) => !r)) return;
        assert.deepStrictEqual(local, []);
        assert.strictEqual(p.role?.id, spec.id);
      }),
      runs(100),
    );
  });

  it('YAML positions: pathAtOffset and nodeAtPath answer for every offset and path', () => {
    check(
      'yaml positions',
      fc.property(
        mutatedRole,
        fc.array(fc.nat(), { minLength: 1, maxLength: 8 }),
        fc.array(fc.oneof(fc.constantFrom(...TOP_LEVEL_KEYS, 'text', 'with'), fc.nat({ max: 3 })), { maxLength: 3 }),
        (raw, offsets, path) => {
          const text = stripBom(raw);
          const parsed = parseFrontmatterYaml(text);
          if (!parsed) return;
          const root = parsed.doc.contents as Parameters<typeof pathAtOffset>[0];
          const yamlLength = text.length - parsed.base;
          for (const o of offsets) {
            const at = pathAtOffset(root, o % (yamlLength + 1));
            if (at) assert.ok(Array.isArray(at.path));
          }
          const hit = nodeAtPath(root, path);
          if (hit?.node?.range) assert.ok(hit.node.range[0] <= hit.node.range[1]);
        },
      ),
      runs(100),
    );
  });

  it('schema mapping: a schema finding exactly when the validator rejects the data, each on a node of the file', () => {
    const value = fc.oneof(
      { weight: 3, arbitrary: fc.constantFrom('cto', 'Chief', 'executive', 'manager', 'peer', 'Not-Kebab', '', ' ', 'x') },
      { weight: 1, arbitrary: fc.integer() },
      { weight: 1, arbitrary: fc.boolean() },
      { weight: 1, arbitrary: fc.constant(null) },
    );
    const item = fc.oneof(
      value,
      fc.dictionary(fc.constantFrom('text', 'id', 'area', 'with', 'kind', 'note', 'extra'), value, { maxKeys: 4 }),
    );
    const frontmatter = fc.dictionary(
      fc.constantFrom(...TOP_LEVEL_KEYS, 'x-extra', 'responsibilites', 'Role'),
      fc.oneof(value, fc.array(item, { maxLength: 4 }), fc.dictionary(fc.string({ maxLength: 4 }), value, { maxKeys: 2 })),
      { maxKeys: 10 },
    );
    check(
      'schema mapping',
      fc.property(frontmatter, fc.constantFrom('block', 'flow'), (data, style) => {
        const yamlText = style === 'flow' ? JSON.stringify(data) + '\n' : stringify(data);
        const text = `---\n${yamlText}---\nbody\n`;
        const p = parseFile('file:///r.md', text, { forceRoleFile: true });
        const plain = JSON.parse(JSON.stringify(parseYaml(yamlText) ?? {}));
        const valid = validate(plain);
        const schema = p.findings.filter((f) => f.code === 'schema');
        assert.strictEqual(schema.length > 0, !valid, `schema findings ${JSON.stringify(schema.map((f) => f.message))} for ${yamlText}`);
        const lines = new LineMap(text);
        for (const f of schema) {
          assertInside(f.range, text, 'schema finding', lines);
          // Every range points into the frontmatter, never into the body.
          assert.ok(f.range.endLine <= lines.lineCount - 2, `${f.message} at ${JSON.stringify(f.range)}`);
        }
      }),
      runs(100),
    );
  });

  it('content hashes: equal texts, equal keys; a one-character edit, another key; owned strings equal', () => {
    check(
      'content hash',
      fc.property(anyDocument, fc.nat(), fragment, (text, at, piece) => {
        assert.strictEqual(contentHash(text), contentHash(text.slice(0, text.length)));
        const i = text.length ? at % text.length : 0;
        const edited = text.slice(0, i) + piece + text.slice(i + 1);
        if (edited !== text) assert.notStrictEqual(contentHash(edited), contentHash(text));
        assert.strictEqual(ownString(text), text);
        assert.strictEqual(ownString(text.slice(i)), text.slice(i));
      }),
      runs(300),
    );
  });

  it('normalizeName: trimmed, whitespace runs collapsed to one space, lower case', () => {
    const ws = fc.string({ unit: fc.constantFrom('a', 'B', 'É', ' ', '  ', '\t', '\n', '\r', '\u00a0', '\u2028', '\u3000', 'x') });
    check(
      'normalizeName',
      fc.property(ws, (s) => assert.strictEqual(normalizeName(s), s.trim().replace(/\s+/g, ' ').toLowerCase())),
      runs(500),
    );
  });

  it('link scanning: every link is the [[...]] text at its range, its target at the target range', () => {
    const piece = fc.oneof(
      fragment,
      fc.constantFrom('[[CTO]]', '[[a|b]]', '[[ x ]]', '`[[code]]`', '```\n[[fenced]]\n```\n', '~~~~\n', '``[[x]]`', '\n'),
    );
    check(
      'link scanning',
      fc.property(fc.array(piece, { maxLength: 40 }), fc.nat(), (pieces, startSeed) => {
        const text = pieces.join('');
        const start = startSeed % (text.length + 1);
        const lines = new LineMap(text);
        const links = scanLinks(text, start, lines);
        for (const l of links) {
          assertInside(l.range, text, 'link', lines);
          const whole = textAt(text, l.range);
          assert.ok(whole.startsWith('[[') && whole.endsWith(']]'), `link text ${JSON.stringify(whole)}`);
          assert.strictEqual(textAt(text, l.targetRange), l.target);
          assert.strictEqual(l.target, l.target.trim());
          assert.ok(lines.offset(l.range.line, l.range.column) >= start);
        }
        assert.ok(links.length <= text.split('[[').length - 1);
        assert.deepStrictEqual(scanLinks(text, start, lines), links);
      }),
      runs(300),
    );
  });
});
