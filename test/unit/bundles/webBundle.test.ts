/**
 * The browser entry (dist/web/extension.js, for vscode.dev-style hosts) must load in a web worker:
 * no Node built-in, no module but `vscode` required at run time, no Node-only globals.
 * Builds with the project's own esbuild.js first, so the check is on what ships.
 */
import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

const root = path.join(__dirname, '../../..');
const bundle = path.join(root, 'dist', 'web', 'extension.js');

/** `require("x")` calls in code, not inside a string literal (ajv keeps some as strings). */
function requiredModules(code: string): string[] {
  return [...code.matchAll(/(?<![\w$.'"`])require\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1]);
}

describe('web extension bundle', function () {
  this.timeout(120_000);
  let code = '';

  before(() => {
    execFileSync(process.execPath, ['esbuild.js'], { cwd: root, stdio: 'pipe' });
    code = fs.readFileSync(bundle, 'utf8');
  });

  it('requires nothing but vscode at run time', () => {
    assert.ok(code.length > 10_000, 'the bundle was built');
    const mods = new Set(requiredModules(code));
    assert.deepStrictEqual([...mods], ['vscode']);
  });

  it('finds a Node built-in require when there is one (the check itself works)', () => {
    assert.deepStrictEqual(requiredModules('const a = require("fs"); const s = \'require("ajv/x")\';'), ['fs']);
  });

  it('uses no Node-only globals', () => {
    for (const name of ['__dirname', '__filename', 'setImmediate(', 'process.env', 'process.cwd', 'Buffer.from', 'Buffer.alloc']) {
      assert.ok(!code.includes(name), `the web bundle uses ${name}`);
    }
  });
});
