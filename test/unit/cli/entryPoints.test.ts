/**
 * The three binaries, built and run as child processes: each goes through the same process guard
 * (src/cli/process.ts), so a deleted current directory or a full disk is one line and exit 2, never
 * a stack trace. handbook-diff did not have the guard: a deleted current directory printed Node's
 * `uv_cwd` stack trace.
 */
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { bundleCli } from './helpers';

const TOOLS = ['handbook-lint', 'handbook-import', 'handbook-diff'] as const;

describe('CLI entry points (built, run as child processes)', function () {
  this.timeout(120_000);
  let dir = '';

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hb-bins-'));
    for (const tool of TOOLS) await bundleCli(tool, path.join(dir, `${tool}.js`));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  const sh = (script: string, tool: string) =>
    spawnSync('bash', ['-c', script], {
      cwd: dir,
      encoding: 'utf8',
      timeout: 15_000,
      env: { ...process.env, BIN: path.join(dir, `${tool}.js`) },
    });

  for (const tool of TOOLS) {
    it(`${tool}: a deleted current directory is one line on stderr and exit 2`, () => {
      const gone = path.join(dir, `gone-${tool}`);
      fs.mkdirSync(gone);
      const r = sh(`cd "${gone}" && rmdir "${gone}" && node "$BIN"; echo "status $?"`, tool);
      assert.strictEqual(r.stderr, `${tool}: the current directory no longer exists\n`);
      assert.strictEqual(r.stdout, 'status 2\n');
    });

    it(`${tool}: output to a full disk is one line on stderr and exit 2`, () => {
      const r = sh('node "$BIN" --help >/dev/full; echo "status $?"', tool);
      assert.strictEqual(r.stderr, `${tool}: cannot write the output: ENOSPC\n`);
      assert.strictEqual(r.stdout, 'status 2\n');
    });
  }
});
