import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';

const CORE = path.join(__dirname, '..', '..', '..', 'src', 'core');
const NODE_BUILTINS = new Set(require('module').builtinModules as string[]);

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'generated' ? [] : sources(full);
    return /\.ts$/.test(e.name) ? [full] : [];
  });
}

function imports(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  const out: string[] = [];
  const re = /(?:^|\n)\s*(?:import|export)\b[^'"\n;]*?(?:from\s*)?['"]([^'"]+)['"]|require\(\s*['"]([^'"]+)['"]\s*\)|import\(\s*['"]([^'"]+)['"]\s*\)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) out.push(m[1] ?? m[2] ?? m[3]);
  return out;
}

describe('architecture: src/core stays editor- and platform-free', () => {
  const files = sources(CORE);

  it('finds the core sources', () => {
    assert.ok(files.length >= 8, `only ${files.length} files found`);
  });

  it('the import scanner sees vscode and fs imports (self-check)', () => {
    const probe = path.join(require('os').tmpdir(), `probe-${process.pid}.ts`);
    fs.writeFileSync(probe, "import * as vscode from 'vscode';\nimport { readFileSync } from \"fs\";\nconst p = require('node:path');\n");
    try {
      assert.deepStrictEqual(imports(probe), ['vscode', 'fs', 'node:path']);
    } finally {
      fs.unlinkSync(probe);
    }
  });

  for (const file of files) {
    const rel = path.relative(CORE, file);
    it(`${rel} imports neither vscode, Node built-ins, nor src/extension or src/cli`, () => {
      for (const spec of imports(file)) {
        assert.notStrictEqual(spec, 'vscode', `${rel} imports vscode`);
        const bare = spec.replace(/^node:/, '').split('/')[0];
        assert.ok(!(NODE_BUILTINS.has(bare) && !spec.startsWith('.')), `${rel} imports the Node built-in "${spec}"`);
        const target = path.resolve(path.dirname(file), spec);
        assert.ok(!spec.startsWith('.') || !/[\\/]src[\\/](extension|cli)([\\/]|$)/.test(target), `${rel} imports ${spec}`);
      }
    });
  }
});
