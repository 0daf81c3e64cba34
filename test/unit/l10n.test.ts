/**
 * The German translation proves the l10n machinery: VS Code picks package.nls.de.json for the
 * manifest and l10n/bundle.l10n.de.json for `vscode.l10n.t` when the display language is German.
 * Both must be complete (every English key translated, no stale key) and keep every placeholder,
 * link and command of the English text; the .vsix must carry them.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';

const root = path.join(__dirname, '..', '..');
const json = (file: string) => JSON.parse(fs.readFileSync(path.join(root, file), 'utf8')) as Record<string, string>;

/** What a translation must keep: {0} placeholders, (command:...) link targets, line breaks. */
function invariants(text: string): string[] {
  return [...text.matchAll(/\{\d+\}|\(command:[\w.]+\)|\n/g)].map((m) => m[0]).sort();
}

for (const [english, german] of [
  ['package.nls.json', 'package.nls.de.json'],
  ['l10n/bundle.l10n.json', 'l10n/bundle.l10n.de.json'],
]) {
  describe(`l10n: ${german} translates ${english}`, () => {
    const en = json(english);
    const de = json(german);

    it('has a translation for every key, and no other key', () => {
      const missing = Object.keys(en).filter((k) => !(k in de));
      const stale = Object.keys(de).filter((k) => !(k in en));
      assert.deepStrictEqual({ missing, stale }, { missing: [], stale: [] }, `translate the missing keys into ${german}`);
    });

    it('translates: no value is left empty, and most differ from the English', () => {
      const keys = Object.keys(en).filter((k) => k in de);
      for (const k of keys) assert.ok(de[k].trim(), `${german}: "${k}" is empty`);
      const same = keys.filter((k) => de[k] === en[k]);
      // Names, placeholders-only strings and a few loan words may stay as they are.
      assert.ok(same.length <= keys.length / 10, `${same.length} of ${keys.length} values are the English text: ${same.join(' | ')}`);
    });

    it('keeps every placeholder, command link and line break', () => {
      for (const k of Object.keys(en)) if (k in de) assert.deepStrictEqual(invariants(de[k]), invariants(en[k]), `${german}: "${k}"`);
    });
  });
}

describe('l10n: VS Code finds the translation', () => {
  it('beside the English files, under the names VS Code looks for, and in the .vsix', () => {
    const manifest = json('package.json') as unknown as { l10n: string };
    assert.strictEqual(path.normalize(manifest.l10n), 'l10n');
    assert.ok(fs.existsSync(path.join(root, manifest.l10n, 'bundle.l10n.de.json')));
    assert.ok(fs.existsSync(path.join(root, 'package.nls.de.json')));
    const ignore = fs.readFileSync(path.join(root, '.vscodeignore'), 'utf8').split('\n');
    assert.ok(ignore.includes('!l10n/**') && ignore.includes('!package.nls*.json'), '.vscodeignore packs the translations');
  });
});
