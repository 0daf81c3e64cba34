/**
 * `npm run test:desktop [-- SUITE...]`: the same integration suites as `npm run test:integration`,
 * run in a desktop VS Code downloaded by @vscode/test-electron (for machines that can download
 * it; on Linux without a display, run it under `xvfb-run -a`). One VS Code per suite, each in a
 * throwaway copy of test/fixtures/workspace-<suite> with a throwaway profile.
 *
 * HANDBOOK_VSCODE_VERSION picks the VS Code version (default: stable), HANDBOOK_TEST_GREP filters
 * test titles.
 */
import * as fs from 'fs';
import * as path from 'path';
import { runTests } from '@vscode/test-electron';
import { copyToTemp, log, PROFILE_SETTINGS, ROOT, runToExit, tempDir } from './lib';

const OUT = path.join(ROOT, 'out', 'test', 'integration');

async function main(): Promise<number> {
  if (!fs.existsSync(path.join(OUT, 'index.js'))) throw new Error('out/test/integration/index.js is missing: run `npm run build` first');
  const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
  const suites = fs
    .readdirSync(OUT, { withFileTypes: true })
    .filter((e) => e.isDirectory() && (!wanted.length || wanted.includes(e.name)))
    .map((e) => e.name)
    .sort();
  if (!suites.length) throw new Error('no integration suite to run');
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    log('no DISPLAY: on a headless Linux machine run this under `xvfb-run -a npm run test:desktop`');
  }
  let failed = 0;
  for (const suite of suites) {
    const workspace = copyToTemp(path.join(ROOT, 'test', 'fixtures', `workspace-${suite}`), `workspace-${suite}`, `ws-${suite}`);
    const profile = tempDir('desktop-profile');
    fs.mkdirSync(path.join(profile, 'User'), { recursive: true });
    fs.writeFileSync(path.join(profile, 'User', 'settings.json'), JSON.stringify(PROFILE_SETTINGS, null, 2));
    // A fixture with a .code-workspace file at its root opens as that multi-root workspace.
    const multiRoot = fs.readdirSync(workspace).find((f) => f.endsWith('.code-workspace'));
    const opened = multiRoot ? path.join(workspace, multiRoot) : workspace;
    log(`suite "${suite}" in ${opened}`);
    try {
      const code = await runTests({
        version: process.env.HANDBOOK_VSCODE_VERSION || 'stable',
        extensionDevelopmentPath: ROOT,
        extensionTestsPath: path.join(OUT, 'index.js'),
        extensionTestsEnv: { HANDBOOK_TEST_SUITE: suite, HANDBOOK_TEST_GREP: process.env.HANDBOOK_TEST_GREP ?? '' },
        launchArgs: [
          opened,
          '--disable-extensions',
          '--disable-workspace-trust',
          '--skip-welcome',
          '--skip-release-notes',
          `--user-data-dir=${profile}`,
          `--extensions-dir=${path.join(profile, 'extensions')}`,
        ],
      });
      if (code !== 0) failed++;
    } catch (e) {
      failed++;
      const message = e instanceof Error ? e.message : String(e);
      log(`suite "${suite}" failed: ${message}`);
      if (/download|ENOTFOUND|getaddrinfo|ECONNREFUSED|fetch/i.test(message)) {
        log('VS Code could not be downloaded here; `npm run test:integration` runs the same suites in code-server.');
        break;
      }
    }
  }
  return failed ? 1 : 0;
}

runToExit(main);
