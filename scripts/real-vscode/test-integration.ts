/**
 * `npm run test:integration [-- SUITE...]`: runs the integration suite inside a real VS Code
 * (code-server's Node extension host), one code-server session per suite:
 *
 *   out/test/integration/<suite>/*.test.js  in a throwaway copy of  test/fixtures/workspace-<suite>
 *
 * plus the suite "web" (web-suite.ts): the packaged .vsix in the browser's web worker extension host.
 *
 * Mocha's output is printed here; the exit status is non-zero when a test fails, a suite does not
 * finish within its time limit, or the whole run exceeds HANDBOOK_INTEGRATION_TIMEOUT_MS
 * (default 15 minutes). code-server's process group and Chromium are stopped in every case.
 *
 * Environment: HANDBOOK_TEST_GREP (mocha --grep), HANDBOOK_SUITE_TIMEOUT_MS (default 5 minutes),
 * HANDBOOK_VSIX (the .vsix the web suite tests, instead of packaging one), HANDBOOK_KEEP_RUNS=1 (keep the throwaway folders and server logs), HANDBOOK_DEBUG=1 (browser console).
 */
import * as fs from 'fs';
import * as path from 'path';
import type { BrowserContext } from 'playwright-core';
import {
  CODE_SERVER_VERSION,
  copyToTemp,
  ensureCodeServer,
  launchBrowser,
  log,
  ROOT,
  runToExit,
  startCodeServer,
  withTimeout,
} from './lib';
import { runWebSuite, WEB_SUITE, webSuiteBuilt } from './web-suite';

const OUT = path.join(ROOT, 'out', 'test', 'integration');
const FIXTURES = path.join(ROOT, 'test', 'fixtures');
/** Workbench messages that say nothing about the tests (no network, connection set-up). */
const HARMLESS = [
  /ENOTFOUND open-vsx\.org/,
  /^Resolv(ing|ed) connection token/,
  /Long running operations during shutdown/,
  /^Creating a socket/,
  /^Updating additional builtin extensions cache/,
  /^\[Service Worker\]/,
  /^ChatSessionStore:/,
  /vsda/,
];

interface SuiteResult {
  suite: string;
  code: number;
  seconds: number;
  passed: number;
  failed: number;
  activation: string[];
  error?: string;
}

function discoverSuites(): string[] {
  if (!fs.existsSync(path.join(OUT, 'index.js')))
    throw new Error(`${path.relative(ROOT, OUT)}/index.js is missing: run \`npm run build\` first`);
  return fs
    .readdirSync(OUT, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .filter((suite) => fs.readdirSync(path.join(OUT, suite), { recursive: true }).some((f) => String(f).endsWith('.test.js')))
    .concat(webSuiteBuilt() ? [WEB_SUITE] : [])
    .sort();
}

async function runSuite(context: BrowserContext, suite: string): Promise<SuiteResult> {
  if (suite === WEB_SUITE) return runWeb(context);
  const started = Date.now();
  const result: SuiteResult = { suite, code: 1, seconds: 0, passed: 0, failed: 0, activation: [] };
  const fixture = path.join(FIXTURES, `workspace-${suite}`);
  if (!fs.existsSync(fixture)) throw new Error(`suite "${suite}" has no fixture workspace ${path.relative(ROOT, fixture)}`);
  // A copy: tests may edit, create and delete files without touching the repository.
  const workspace = copyToTemp(fixture, `workspace-${suite}`, `ws-${suite}`);
  // The "untrusted" suite opens its folder in restricted mode: trust on, never prompted, not trusted.
  const untrusted = suite === 'untrusted';
  const server = await startCodeServer({
    workspaceTrust: untrusted,
    // The "git" suite needs the built-in git extension (the test profile turns it off elsewhere).
    settings: untrusted
      ? {
          'security.workspace.trust.enabled': true,
          'security.workspace.trust.startupPrompt': 'never',
          'security.workspace.trust.untrustedFiles': 'open',
        }
      : suite === 'git'
        ? { 'git.enabled': true, 'git.autoRepositoryDetection': true }
        : undefined,
    env: {
      HANDBOOK_TEST_SUITE: suite,
      HANDBOOK_TEST_GREP: process.env.HANDBOOK_TEST_GREP ?? '',
      HANDBOOK_TEST_COLOR: process.stdout.isTTY ? '1' : '0',
    },
  });
  const page = await context.newPage();
  try {
    const exited = new Promise<number>((resolve, reject) => {
      void page.exposeFunction('codeAutomationExit', (code: number) => resolve(Number(code)));
      page.on('crash', () => reject(new Error('the workbench page crashed')));
    });
    await page.exposeFunction('codeAutomationLog', (_level: string, message: unknown) => {
      const text = String(message);
      if (HARMLESS.some((re) => re.test(text)) && process.env.HANDBOOK_DEBUG !== '1') return;
      for (const line of text.split('\n')) {
        const counts = /\[handbook\] suite "[^"]+": (\d+) passed, (\d+) failed/.exec(line);
        if (counts) {
          result.passed = Number(counts[1]);
          result.failed = Number(counts[2]);
        }
        if (/\[handbook\] activationMs=/.test(line)) result.activation.push(line.replace(/^.*\[handbook\] /, ''));
      }
      process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
    });
    if (process.env.HANDBOOK_DEBUG === '1') page.on('console', (m) => log(`browser ${m.type()}: ${m.text()}`));
    page.on('pageerror', (e) => log(`workbench error: ${e.message}`));

    // A fixture with a .code-workspace file at its root opens as that multi-root workspace.
    const multiRoot = fs.readdirSync(workspace).find((f) => f.endsWith('.code-workspace'));
    const url = server.workbenchUrl(multiRoot ? path.join(workspace, multiRoot) : workspace, [
      ['extensionDevelopmentPath', server.remote(ROOT)],
      ['extensionTestsPath', server.remote(path.join(OUT, 'index.js'))],
    ]);
    log(`suite "${suite}": ${url}`);
    await page.goto(url);
    const limit = Number(process.env.HANDBOOK_SUITE_TIMEOUT_MS ?? 5 * 60_000);
    result.code = await withTimeout(exited, limit, `suite "${suite}"`);
  } catch (e) {
    result.error = e instanceof Error ? e.message : String(e);
  } finally {
    result.seconds = (Date.now() - started) / 1000;
    if (result.code !== 0)
      log(`suite "${suite}" failed; the end of code-server's log (HANDBOOK_KEEP_RUNS=1 keeps ${server.logFile}):\n${server.logTail(30)}`);
    await page.close().catch(() => undefined);
    await server.stop();
  }
  return result;
}

/** The packaged extension in the browser's web worker extension host (web-suite.ts). */
async function runWeb(context: BrowserContext): Promise<SuiteResult> {
  const started = Date.now();
  const r = await runWebSuite(context, {
    limitMs: Number(process.env.HANDBOOK_SUITE_TIMEOUT_MS ?? 5 * 60_000),
    harmless: HARMLESS,
    output: (text) => process.stdout.write(text),
  });
  return { suite: WEB_SUITE, ...r, seconds: (Date.now() - started) / 1000 };
}

/** Records activate() times for `npm run bench` (out/activation.json). */
function writeActivation(results: SuiteResult[]): void {
  const runs = results.flatMap((r) =>
    r.activation.flatMap((line) => {
      const m = /activationMs=([\d.]+)\s*(?:\((.*)\))?/.exec(line);
      return m ? [{ suite: r.suite, activationMs: Number(m[1]), how: m[2] ?? '' }] : [];
    }),
  );
  if (!runs.length) return;
  fs.mkdirSync(path.join(ROOT, 'out'), { recursive: true });
  fs.writeFileSync(
    path.join(ROOT, 'out', 'activation.json'),
    JSON.stringify({ measuredAt: new Date().toISOString(), runs }, null, 2) + '\n',
  );
}

async function main(): Promise<number> {
  const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
  const suites = discoverSuites().filter((s) => !wanted.length || wanted.includes(s));
  if (!suites.length) throw new Error(`no integration suite to run${wanted.length ? ` matching ${wanted.join(', ')}` : ''}`);
  const t0 = Date.now();
  await ensureCodeServer();
  log(`code-server ${CODE_SERVER_VERSION} ready (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
  const context = await launchBrowser();
  const results: SuiteResult[] = [];
  for (const suite of suites) {
    results.push(
      await runSuite(context, suite).catch((e: unknown): SuiteResult => {
        const error = e instanceof Error ? e.message : String(e);
        log(`suite "${suite}" could not run: ${error}`);
        return { suite, code: 1, seconds: 0, passed: 0, failed: 0, activation: [], error };
      }),
    );
  }

  process.stdout.write('\nIntegration suites (real VS Code, code-server ' + CODE_SERVER_VERSION + '):\n');
  for (const r of results) {
    const status = r.code === 0 ? 'ok' : `FAILED (exit ${r.code}${r.error ? `: ${r.error}` : ''})`;
    process.stdout.write(
      `  ${r.suite}: ${status}, ${r.passed} passed, ${r.failed} failed, ${r.seconds.toFixed(1)} s${r.activation.length ? `; ${r.activation.join('; ')}` : ''}\n`,
    );
  }
  writeActivation(results);
  const passed = results.reduce((n, r) => n + r.passed, 0);
  const failed = results.reduce((n, r) => n + r.failed, 0) + results.filter((r) => r.code !== 0 && r.failed === 0).length;
  process.stdout.write(`integration: ${passed} passed, ${failed} failed\n`);
  return results.every((r) => r.code === 0) ? 0 : 1;
}

runToExit(main, { limitMs: Number(process.env.HANDBOOK_INTEGRATION_TIMEOUT_MS ?? 15 * 60_000), what: 'integration run' });
