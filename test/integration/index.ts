/**
 * Entry point of the integration suite inside a real extension host: the `run()` contract of
 * @vscode/test-electron, which code-server's `extensionTestsPath` also honours. It runs the test
 * files of one suite, chosen by the workspace that is open:
 *
 *   workspace folder `workspace-<suite>` (a copy of test/fixtures/workspace-<suite>)
 *     → out/test/integration/<suite>/**\/*.test.js (built from test/integration/<suite>/)
 *
 * HANDBOOK_TEST_SUITE overrides the choice and HANDBOOK_TEST_GREP filters test titles.
 * Before any test file loads it records whether the extension was already active, so that a test
 * can check the activation events (see helpers.startupState()).
 */
import * as fs from 'fs';
import * as path from 'path';
import * as util from 'util';
import Mocha from 'mocha';
import * as vscode from 'vscode';
import { EXTENSION_ID, STARTUP_STATE_KEY, type StartupState } from './helpers';

function suiteName(): string {
  const fromEnv = process.env.HANDBOOK_TEST_SUITE;
  if (fromEnv) return fromEnv;
  const folder = vscode.workspace.workspaceFolders?.[0];
  const match = folder && /^workspace-(.+)$/.exec(path.basename(folder.uri.fsPath));
  if (!match)
    throw new Error(
      `cannot tell the suite: open a folder named workspace-<suite> (got ${folder?.uri.toString() ?? 'no folder'}) or set HANDBOOK_TEST_SUITE`,
    );
  return match[1];
}

function testFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.test.js'))
    .map((e) => path.join(e.parentPath ?? e.path, e.name))
    .sort();
}

export async function run(): Promise<void> {
  const suite = suiteName();
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  const state: StartupState = { suite, activeAtStart: extension?.isActive ?? false };
  (globalThis as Record<string, unknown>)[STARTUP_STATE_KEY] = state;

  const files = testFiles(path.join(__dirname, suite));
  if (!files.length) throw new Error(`no test files in ${path.join(__dirname, suite)}`);

  const mocha = new Mocha({
    ui: 'bdd',
    reporter: 'spec',
    color: process.env.HANDBOOK_TEST_COLOR !== '0',
    timeout: Number(process.env.HANDBOOK_TEST_TIMEOUT_MS ?? 20_000),
    grep: process.env.HANDBOOK_TEST_GREP || undefined,
  });
  for (const f of files) mocha.addFile(f);
  // The workbench forwards each console.log call as one message without applying its format
  // string (`%s`): format the reporter's lines here.
  Mocha.reporters.Base.consoleLog = (...args: unknown[]) => console.log(util.format(...args));
  console.log(
    `[handbook] suite "${suite}"${process.env.HANDBOOK_TEST_SUITE ? '' : ' (from the folder name)'}: ${files.length} test file(s), extension active at start: ${state.activeAtStart}`,
  );

  await new Promise<void>((resolve, reject) => {
    try {
      const runner = mocha.run((failures) => {
        const stats = runner.stats;
        // A closing line CI can read whatever the reporter printed.
        console.log(`[handbook] suite "${suite}": ${stats?.passes ?? 0} passed, ${failures} failed`);
        if (failures > 0) reject(new Error(`${failures} test(s) failed in suite "${suite}"`));
        else if ((stats?.tests ?? 0) === 0 && !process.env.HANDBOOK_TEST_GREP) reject(new Error(`suite "${suite}" ran no test`));
        else resolve();
      });
    } catch (e) {
      reject(e instanceof Error ? e : new Error(String(e)));
    }
  });
}
