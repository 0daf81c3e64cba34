/**
 * Finding messages are translatable: core makes them with @vscode/l10n's t(), the extension loads
 * the bundle of VS Code's display language (useMessageBundle), the CLIs load none (English).
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { FINDING_DOCS } from '../../../src/core/findingDocs';
import { HandbookIndex } from '../../../src/core/handbookIndex';
import { buildResponsibilityMap } from '../../../src/core/map/analyze';
import { mapFindings } from '../../../src/core/map/findings';
import { useMessageBundle } from '../../../src/core/messages';
import type { Finding, FindingCode } from '../../../src/core/types';
import { builtinRoles } from './map/fixtures';

const root = path.join(__dirname, '..', '..', '..');
const bundle = (name: string) => JSON.parse(fs.readFileSync(path.join(root, 'l10n', name), 'utf8')) as Record<string, string>;

const role = (id: string, ...lines: string[]) =>
  ['---', `role: ${id}`, `title: Title ${id}`, 'type: manager', 'responsibilities:', '  - Own something', ...lines, '---', ''].join('\n');

/** Role files that, together with the built-in handbook's map, give every finding code at least once. */
const FILES: Record<string, string> = {
  'missing.md': '# No frontmatter\n',
  'unclosed.md': '---\nrole: unclosed\ntitle: x\n',
  'yaml.md': '---\nrole: [yaml\n---\n',
  'dupkey.md': '---\nrole: dupkey\nrole: dupkey\n---\n',
  'schema.md': [
    '---',
    'role: Not Kebab',
    'titel: Typo',
    'type: manger',
    'focus: 3',
    'level: 0',
    'responsibilities: []',
    'relationships:',
    '  - with: nobody-here',
    '    kind: peer',
    '    extra: 1',
    '---',
    '',
  ].join('\n'),
  'twice.md': role('twice', '  - Own something'),
  'claim-a.md': role('claimed'),
  'claim-b.md': role('claimed'),
  'link.md': role('link') + '\nSee [[Nobody At All]].\n',
  'cycle-a.md': role('cycle-a', 'extends: cycle-b'),
  'cycle-b.md': role('cycle-b', 'extends: cycle-a'),
  'junior.md': role('junior', 'level: 3'),
  'senior.md': role('senior', '  - Own something', 'extends: junior', 'level: 2'),
  'boss-a.md': role('boss-a', 'relationships:', '  - with: boss-b', '    kind: reports-to'),
  'boss-b.md': role('boss-b', 'relationships:', '  - with: boss-a', '    kind: reports-to'),
};

function allFindings(): Finding[] {
  const index = new HandbookIndex();
  for (const [name, text] of Object.entries(FILES)) index.set(`file:///h/roles/${name}`, text, { forceRoleFile: true });
  const out = Object.keys(FILES).flatMap((name) => index.findings(`file:///h/roles/${name}`));
  for (const list of mapFindings(buildResponsibilityMap(builtinRoles())).values()) out.push(...list);
  return out;
}

describe('core messages: translatable finding messages', () => {
  afterEach(() => useMessageBundle(undefined));

  it('covers every finding code (so the checks below see every kind of message)', () => {
    const codes = new Set(allFindings().map((f) => f.code));
    assert.deepStrictEqual(
      (Object.keys(FINDING_DOCS) as FindingCode[]).filter((c) => !codes.has(c)),
      [],
    );
  });

  it('makes every finding message from bundle templates only (none is built outside l10n.t)', () => {
    // A pseudo-translation that marks each template: text outside the marks was not translatable.
    const marked = Object.fromEntries(Object.keys(bundle('bundle.l10n.json')).map((k) => [k, `⟦${k}⟧`]));
    useMessageBundle(marked);
    const findings = allFindings();
    assert.ok(findings.length > 30, `${findings.length} findings`);
    /** What is left of a message once the marked templates are taken out, innermost first. */
    const outside = (message: string) => {
      let rest = message;
      for (let before = ''; before !== rest;) [before, rest] = [rest, rest.replace(/⟦[^⟦⟧]*⟧/g, '')];
      return rest.trim();
    };
    const unmarked = findings.filter((f) => outside(f.message) !== '').map((f) => `${f.code}: ${f.message}`);
    assert.deepStrictEqual(unmarked, []);
  });

  it('has a German line for every finding message: in German, none comes out as in English', () => {
    const english = allFindings().map((f) => f.message);
    useMessageBundle(bundle('bundle.l10n.de.json'));
    const german = allFindings().map((f) => f.message);
    assert.strictEqual(german.length, english.length);
    const untranslated = german.filter((m, i) => m === english[i]);
    assert.deepStrictEqual(untranslated, []);
    // Also the parts a message is made of (how two texts overlap, a list of names).
    assert.ok(german.some((m) => /^Head of Engineering beansprucht .* \(Ähnlichkeit 0\.\d\d; gemeinsame Wörter: [a-z, ]+\)\.$/.test(m)));
    assert.ok(
      german.includes(
        'Keine Verantwortung im Handbuch passt zu diesem Erfolgskriterium, also ist keine Rolle dafür zuständig: Geben Sie Chief Technology Officer oder Head of Engineering eine Verantwortung dafür.',
      ),
    );
  });

  it('translates a diagnostic with its arguments, and English comes back without a bundle', () => {
    const text = role('typo', 'titel: x');
    const unknownKey = (index = new HandbookIndex()) => {
      index.set('file:///h/roles/typo.md', text);
      return index.findings('file:///h/roles/typo.md').map((f) => f.message);
    };
    useMessageBundle(bundle('bundle.l10n.de.json'));
    assert.deepStrictEqual(unknownKey(), ['Unbekannter Schlüssel „titel“. Meinten Sie „title“?']);
    useMessageBundle(undefined);
    assert.deepStrictEqual(unknownKey(), ['Unknown key "titel". Did you mean "title"?']);
  });
});
