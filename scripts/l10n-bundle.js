// Writes l10n/bundle.l10n.json: every message passed to vscode.l10n.t() in src/extension, the
// file translators start from (bundle.l10n.<locale>.json next to it holds a translation).
// Run after adding or changing user-visible strings: `npm run l10n`.
'use strict';
const fs = require('fs');
const path = require('path');
const ts = require('typescript');

const root = path.join(__dirname, '..');

/** Messages of `l10n.t('…')` / `l10n.t({ message: '…' })` calls in one source text. */
function extract(fileName, text) {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true);
  const out = [];
  const literal = (n) => (n && (ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n)) ? n.text : undefined);
  const visit = (node) => {
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && node.expression.name.text === 't') {
      const target = node.expression.expression;
      if (ts.isPropertyAccessExpression(target) ? target.name.text === 'l10n' : ts.isIdentifier(target) && target.text === 'l10n') {
        const [first] = node.arguments;
        let message = literal(first);
        if (message === undefined && first && ts.isObjectLiteralExpression(first)) {
          const prop = first.properties.find((p) => ts.isPropertyAssignment(p) && p.name.getText(source) === 'message');
          message = prop && literal(prop.initializer);
        }
        if (message !== undefined) out.push(message);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return out;
}

function sourceFiles(dir) {
  return fs
    .readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts'))
    .map((e) => path.join(e.parentPath ?? e.path, e.name))
    .sort();
}

function bundle() {
  const messages = new Set();
  for (const f of sourceFiles(path.join(root, 'src', 'extension'))) for (const m of extract(f, fs.readFileSync(f, 'utf8'))) messages.add(m);
  const out = {};
  for (const m of [...messages].sort()) out[m] = m;
  return out;
}

module.exports = { extract, bundle };

if (require.main === module) {
  const out = path.join(root, 'l10n', 'bundle.l10n.json');
  fs.mkdirSync(path.dirname(out), { recursive: true });
  const b = bundle();
  fs.writeFileSync(out, JSON.stringify(b, null, 2) + '\n');
  console.log(`l10n: ${Object.keys(b).length} messages → ${path.relative(root, out)}`);
}
