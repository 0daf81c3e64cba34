/**
 * The extension manifest: every string people see in a contribution comes from package.nls.json,
 * every %key% exists there, and the walkthrough and the schema registration point at real things.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';

const root = path.join(__dirname, '../..');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
/** The folders whose l10n.t messages make the bundle (as `npm run l10n` passes them). */
const L10N_SOURCES = ['src/extension', 'src/core'];
const nls: Record<string, string> = JSON.parse(fs.readFileSync(path.join(root, 'package.nls.json'), 'utf8'));

/** Keys whose string values people read, wherever they sit in `contributes`. */
const VISIBLE = new Set([
  'title',
  'name',
  'contextualTitle',
  'contents',
  'description',
  'markdownDescription',
  'category',
  'label',
  'tooltip',
  'altText',
]);

function visibleStrings(value: unknown, at: string, out: [string, string][]): [string, string][] {
  if (Array.isArray(value)) value.forEach((v, i) => visibleStrings(v, `${at}[${i}]`, out));
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (typeof v === 'string' && VISIBLE.has(k)) out.push([`${at}.${k}`, v]);
      else if (k === 'markdownEnumDescriptions' || k === 'enumDescriptions')
        (v as string[]).forEach((s, i) => out.push([`${at}.${k}[${i}]`, s]));
      else visibleStrings(v, `${at}.${k}`, out);
    }
  }
  return out;
}

const NLS_KEY = /^%([^%]+)%$/;

describe('manifest: localisable contributions', () => {
  it('every visible contribution string is a %key% of package.nls.json', () => {
    const raw = visibleStrings(pkg.contributes, 'contributes', []).filter(([, s]) => !NLS_KEY.test(s));
    assert.deepStrictEqual(raw, [], 'use %keys% from package.nls.json');
    for (const field of ['displayName', 'description']) assert.match(pkg[field], NLS_KEY, field);
  });

  it('every %key% used in package.json exists in package.nls.json', () => {
    const used = [...JSON.stringify(pkg).matchAll(/"%([^%"]+)%"/g)].map((m) => m[1]);
    assert.ok(used.length > 20, 'package.json uses %keys%');
    assert.deepStrictEqual(
      used.filter((k) => !(k in nls)),
      [],
    );
  });

  it('declares the l10n folder and that it runs in untrusted and virtual workspaces', () => {
    assert.strictEqual(pkg.l10n, './l10n');
    assert.ok(fs.existsSync(path.join(root, 'l10n', 'bundle.l10n.json')), 'l10n/bundle.l10n.json');
    assert.strictEqual(pkg.capabilities.untrustedWorkspaces.supported, true);
    assert.strictEqual(pkg.capabilities.virtualWorkspaces, true);
  });

  it('has an l10n bundle of l10n.t messages, as @vscode/l10n-dev extracts them (npm run l10n)', async () => {
    const { getL10nJson } = await import('@vscode/l10n-dev');
    // The extractor we rely on: l10n.t calls on vscode's l10n with a literal message, nothing else
    // (a message with a comment is keyed "message/comment", as VS Code looks it up).
    const sample = [
      "import * as vscode from 'vscode';",
      "vscode.l10n.t('A \\'{0}\\'', x); vscode.l10n.t({ message: 'B', args: [], comment: ['c'] }); other.t('C'); vscode.l10n.t(dynamic);",
    ].join('\n');
    assert.deepStrictEqual(Object.keys(await getL10nJson([{ extension: '.ts', contents: sample }])), ["A '{0}'", 'B/c']);
    const bundle = JSON.parse(fs.readFileSync(path.join(root, 'l10n', 'bundle.l10n.json'), 'utf8')) as Record<string, string>;
    assert.ok(
      Object.entries(bundle).every(([k, v]) => k === v),
      'English bundle: every message maps to itself',
    );
    assert.ok('Find Role' in bundle && 'Enter an id for the role.' in bundle, 'holds the messages of the features');
    assert.strictEqual(pkg.scripts.l10n, `vscode-l10n-dev export ${L10N_SOURCES.map((d) => `./${d}`).join(' ')}`);
    const files = L10N_SOURCES.flatMap((dir) =>
      fs
        .readdirSync(path.join(root, dir), { recursive: true, encoding: 'utf8' })
        .filter((f) => f.endsWith('.ts'))
        .map((f) => ({ extension: '.ts', contents: fs.readFileSync(path.join(root, dir, f), 'utf8') })),
    );
    assert.deepStrictEqual(bundle, await getL10nJson(files), 'l10n/bundle.l10n.json is out of date: run npm run l10n');
  });

  it('gives every command the Handbook category', () => {
    for (const c of pkg.contributes.commands) assert.strictEqual(nls[NLS_KEY.exec(c.category)?.[1] ?? ''], 'Handbook', c.command);
  });
});

describe('manifest: walkthrough and schema registration', () => {
  const commands = new Set<string>(pkg.contributes.commands.map((c: { command: string }) => c.command));

  it('walks through the built-in handbook, comparing, creating and importing, in that order', () => {
    const [walkthrough] = pkg.contributes.walkthroughs;
    const events = walkthrough.steps.map((s: { completionEvents: string[] }) => s.completionEvents[0]);
    assert.deepStrictEqual(
      events,
      ['showBuiltinHandbook', 'compareRoles', 'newRoleFile', 'importRoles'].map((c) => `onCommand:handbookRoles.${c}`),
    );
    for (const step of walkthrough.steps) {
      const command = step.completionEvents[0].slice('onCommand:'.length);
      assert.ok(commands.has(command), `${step.id}: ${command} is a declared command`);
      assert.ok(
        nls[NLS_KEY.exec(step.description)![1]].includes(`(command:${command})`),
        `${step.id}: its description has a button for ${command}`,
      );
      const media = path.join(root, step.media.markdown);
      assert.ok(fs.existsSync(media), `${step.id}: ${step.media.markdown} exists`);
      assert.match(fs.readFileSync(media, 'utf8'), /^# /, `${step.id}: the page starts with a heading`);
    }
  });

  it('registers the role schema with the YAML language server for standalone role YAML', () => {
    const [entry] = pkg.contributes.yamlValidation;
    assert.deepStrictEqual(entry.fileMatch, ['*.role.yaml', '*.role.yml']);
    const schema = JSON.parse(fs.readFileSync(path.join(root, entry.url), 'utf8'));
    assert.strictEqual(schema.title, 'Handbook role');
  });
});
