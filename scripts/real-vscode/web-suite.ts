/**
 * The "web" integration suite: the packaged extension in the browser's **web worker extension
 * host** (the one vscode.dev uses), run by `npm run test:integration [-- web]`.
 *
 * 1. `npm run package` builds the .vsix (production bundles), then `node esbuild.js` puts the
 *    development build back; HANDBOOK_VSIX=FILE tests a .vsix that is already built instead.
 * 2. `code-server --install-extension` installs it into a throwaway extensions folder, and the
 *    profile's `"remote.extensionKind": { "handbook-roles.handbook-roles": ["ui"] }` moves it from
 *    the server's Node host into the browser's web worker host, where only `browser`
 *    (dist/web/extension.js) can run.
 * 3. The tests (test/web/, bundled for the browser into out/test/web/index.js) run in that same
 *    web worker: the workbench loads them as the `extensionTestsPath` of a manifest-only web
 *    extension under development (out/test/web/ itself), so nothing else of ours is there.
 * 4. What only the workbench's page shows (the tree's rows, the webview's DOM, a notification, the
 *    quick pick) the tests ask of this script: a test logs `[web-check] {"id":N,"check":...}`,
 *    this script checks the page with Playwright and answers in `<run>/web-checks/N.json`, which
 *    the test polls for through vscode.workspace.fs (test/web/harness.ts).
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import type { BrowserContext, Frame, Page } from 'playwright-core';
import { copyToTemp, EXTENSION_ID, installExtension, log, ROOT, startCodeServer, tempDir, withTimeout } from './lib';

const WEB_OUT = path.join(ROOT, 'out', 'test', 'web');
export const WEB_SUITE = 'web';
/** The fixture the web suite opens (the same role files as the Node host's "roles" suite). */
const FIXTURE = path.join(ROOT, 'test', 'fixtures', 'workspace-roles');
const CHECK_TIMEOUT_MS = 30_000;

export interface WebSuiteResult {
  code: number;
  passed: number;
  failed: number;
  activation: string[];
  error?: string;
}

/** Whether the web suite's bundle is built (esbuild.js builds it with the integration tests). */
export function webSuiteBuilt(): boolean {
  return fs.existsSync(path.join(WEB_OUT, 'index.js'));
}

/** The .vsix to test: HANDBOOK_VSIX, or a fresh `npm run package` (then the dev build again). */
function packageVsix(): string {
  const given = process.env.HANDBOOK_VSIX;
  if (given) {
    const file = path.resolve(given);
    if (!fs.existsSync(file)) throw new Error(`HANDBOOK_VSIX=${given}: no such file`);
    return file;
  }
  const started = Date.now();
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const r = spawnSync(npm, ['run', '--silent', 'package'], { cwd: ROOT, encoding: 'utf8', timeout: 5 * 60_000 });
  // The Node suites (and a developer's debugger) expect the development build with source maps.
  const dev = spawnSync(process.execPath, ['esbuild.js'], { cwd: ROOT, encoding: 'utf8', timeout: 5 * 60_000 });
  if (r.status !== 0) throw new Error(`npm run package failed (exit ${r.status}):\n${r.stdout}${r.stderr}`);
  if (dev.status !== 0) throw new Error(`node esbuild.js failed after packaging (exit ${dev.status}):\n${dev.stderr}`);
  log(`web: packaged handbook-roles.vsix (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  return path.join(ROOT, 'handbook-roles.vsix');
}

/** The manifest-only web extension whose extensionTestsPath the workbench runs in the web worker. */
function writeRunnerExtension(): string {
  // The workbench runs extensionTestsPath in the host of the extension whose folder holds it:
  // the bundle's own folder (out/test/web/) is that extension.
  const dir = WEB_OUT;
  fs.writeFileSync(
    path.join(dir, 'package.json'),
    JSON.stringify(
      {
        name: 'web-test-runner',
        publisher: 'handbook-roles-test',
        version: '0.0.0',
        engines: { vscode: '^1.100.0' },
        // A `browser` entry only: a web extension, so it runs in the web worker host.
        browser: './extension.js',
      },
      null,
      2,
    ) + '\n',
  );
  fs.writeFileSync(path.join(dir, 'extension.js'), 'exports.activate = function () {};\n');
  return dir;
}

// ---------------------------------------------------------------------------------------------
// What the tests ask of the page.

interface CheckRequest {
  id: number;
  check: string;
  [key: string]: unknown;
}

interface CheckReply {
  ok: boolean;
  /** What the page showed (the test compares it and prints it when it differs). */
  seen: unknown;
  detail?: string;
}

/** Polls `read` until `done` accepts its value or the time is up; the last value either way. */
async function pollPage<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = CHECK_TIMEOUT_MS): Promise<CheckReply> {
  const deadline = Date.now() + timeoutMs;
  let seen: T | undefined;
  let detail: string | undefined;
  for (;;) {
    try {
      seen = await read();
      detail = undefined;
      if (done(seen)) return { ok: true, seen };
    } catch (e) {
      detail = e instanceof Error ? e.message : String(e);
    }
    if (Date.now() > deadline) return { ok: false, seen: seen ?? null, detail: detail ?? `not seen within ${timeoutMs} ms` };
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

const sameList = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The rows of the Roles view: each row's label and description, top to bottom. */
function treeRows(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const view = document.getElementById('workbench.view.extension.handbook');
    if (!view) return [];
    return Array.from(view.querySelectorAll('.monaco-list-row'))
      .map((row) => ({ top: (row as HTMLElement).offsetTop, label: row.querySelector('.label-name')?.textContent?.trim() ?? '' }))
      .sort((a, b) => a.top - b.top)
      .map((r) => r.label);
  });
}

/** Every frame's `h1` headings: a webview's page is two iframes deep. */
async function webviewHeadings(page: Page): Promise<string[][]> {
  const all: string[][] = [];
  for (const frame of page.frames()) {
    if (frame === page.mainFrame()) continue;
    const headings = await headingsOf(frame);
    if (headings.length) all.push(headings);
  }
  return all;
}

function headingsOf(frame: Frame): Promise<string[]> {
  return frame.evaluate(() => Array.from(document.querySelectorAll('h1')).map((h) => h.textContent?.trim() ?? '')).catch(() => []);
}

function notifications(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    Array.from(document.querySelectorAll('.notifications-toasts .notification-toast .notification-list-item-message')).map(
      (e) => e.textContent?.trim() ?? '',
    ),
  );
}

function quickPickRows(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const widget = document.querySelector<HTMLElement>('.quick-input-widget');
    if (!widget || widget.style.display === 'none') return [];
    return Array.from(widget.querySelectorAll('.quick-input-list .monaco-list-row'))
      .map((row) => ({ top: (row as HTMLElement).offsetTop, label: row.querySelector('.label-name')?.textContent?.trim() ?? '' }))
      .sort((a, b) => a.top - b.top)
      .map((r) => r.label);
  });
}

/**
 * "Developer: Show Running Extensions": `name | where` for each row of the extension named
 * `name`, where being the host ("web worker", or the server's address for its Node host).
 */
function runningExtensions(page: Page, name: string): Promise<string[]> {
  return page.evaluate((wanted) => {
    const rows = Array.from(document.querySelectorAll<HTMLElement>('.runtime-extensions-editor .monaco-list-row'));
    return rows
      .map((row) => row.innerText.split('\n').map((line) => line.trim()))
      .filter((lines) => lines[0] === wanted)
      .map((lines) => `${lines[0]} | ${lines[2] ?? ''}`);
  }, name);
}

async function answer(page: Page, request: CheckRequest): Promise<CheckReply> {
  switch (request.check) {
    case 'tree':
      return pollPage(
        () => treeRows(page),
        (rows) => sameList(rows, request.rows),
      );
    case 'webview':
      return pollPage(
        () => webviewHeadings(page),
        (found) => found.some((h) => sameList(h, request.headings)),
      );
    case 'notification':
      return pollPage(
        () => notifications(page),
        (shown) => shown.includes(String(request.message)),
      );
    case 'quickPick': {
      // Types into the open quick pick, waits for the expected first row and picks it the way a
      // person does: Enter.
      const open = await pollPage(
        () => page.locator('.quick-input-widget .quick-input-box input').isVisible(),
        (visible) => visible,
      );
      if (!open.ok) return { ...open, detail: 'no quick pick opened' };
      if (typeof request.type === 'string') await page.keyboard.type(request.type);
      const reply = await pollPage(
        () => quickPickRows(page),
        (rows) => rows[0] === request.first,
      );
      if (reply.ok) await page.keyboard.press('Enter');
      return reply;
    }
    case 'runningExtensions':
      return pollPage(
        () => runningExtensions(page, String(request.name)),
        (rows) => sameList(rows, request.rows),
      );
    default:
      return { ok: false, seen: null, detail: `unknown check "${request.check}"` };
  }
}

/** Writes the reply where the test polls for it; a rename, so it never reads half a file. */
function reply(dir: string, id: number, value: CheckReply): void {
  const file = path.join(dir, `${id}.json`);
  fs.writeFileSync(`${file}.tmp`, JSON.stringify(value));
  fs.renameSync(`${file}.tmp`, file);
}

// ---------------------------------------------------------------------------------------------

/** Runs the web suite in its own code-server session; `output` receives the test lines. */
export async function runWebSuite(
  context: BrowserContext,
  options: { limitMs: number; harmless: RegExp[]; output: (text: string) => void },
): Promise<WebSuiteResult> {
  const result: WebSuiteResult = { code: 1, passed: 0, failed: 0, activation: [] };
  const vsix = packageVsix();
  const extensionsDir = tempDir('web-extensions');
  await installExtension(vsix, extensionsDir);
  const installed = fs.readdirSync(extensionsDir).filter((d) => d.toLowerCase().startsWith(`${EXTENSION_ID}-`));
  if (installed.length !== 1) throw new Error(`expected one ${EXTENSION_ID}-* folder in ${extensionsDir}, found ${installed.join(', ')}`);

  const workspace = copyToTemp(FIXTURE, 'workspace-web', 'ws-web');
  // Beside the workspace, not in it: the replies must not look like workspace changes.
  const checks = path.join(path.dirname(workspace), 'web-checks');
  fs.mkdirSync(checks);
  fs.writeFileSync(path.join(checks, 'config.json'), JSON.stringify({ grep: process.env.HANDBOOK_TEST_GREP ?? '' }));
  const runner = writeRunnerExtension();
  const server = await startCodeServer({
    extensionsDir,
    settings: { 'remote.extensionKind': { [EXTENSION_ID]: ['ui'] } },
  });
  const page = await context.newPage();
  const failures: string[] = [];
  try {
    const exited = new Promise<number>((resolve, reject) => {
      void page.exposeFunction('codeAutomationExit', (code: number) => resolve(Number(code)));
      page.on('crash', () => reject(new Error('the workbench page crashed')));
    });
    let pending = Promise.resolve();
    await page.exposeFunction('codeAutomationLog', (_level: string, message: unknown) => {
      const text = String(message);
      const request = /^\[web-check\] (\{.*\})$/.exec(text.trim());
      if (request) {
        const parsed = JSON.parse(request[1]) as CheckRequest;
        // One check at a time, in the order asked.
        pending = pending.then(async () =>
          reply(checks, parsed.id, await answer(page, parsed).catch((e: Error) => ({ ok: false, seen: null, detail: e.message }))),
        );
        return;
      }
      // The extension failing to load or activate in this host is a failure whatever the tests say.
      if (
        /Activating extension .handbook-roles\.handbook-roles. failed|handbook-roles[^\n]*(require is not defined|Cannot find module)/.test(
          text,
        )
      )
        failures.push(text.split('\n')[0]);
      if (options.harmless.some((re) => re.test(text)) && process.env.HANDBOOK_DEBUG !== '1') return;
      for (const line of text.split('\n')) {
        const counts = /\[handbook\] suite "[^"]+": (\d+) passed, (\d+) failed/.exec(line);
        if (counts) {
          result.passed = Number(counts[1]);
          result.failed = Number(counts[2]);
        }
        if (/\[handbook\] activationMs=/.test(line)) result.activation.push(line.replace(/^.*\[handbook\] /, ''));
      }
      options.output(text.endsWith('\n') ? text : `${text}\n`);
    });
    if (process.env.HANDBOOK_DEBUG === '1') page.on('console', (m) => log(`browser ${m.type()}: ${m.text()}`));
    page.on('pageerror', (e) => log(`workbench error: ${e.message}`));
    const url = server.workbenchUrl(workspace, [
      ['extensionDevelopmentPath', server.remote(runner)],
      ['extensionTestsPath', server.remote(path.join(runner, 'index.js'))],
      ['extensionDevelopmentKind', 'web'],
    ]);
    log(`suite "${WEB_SUITE}": ${url}`);
    await page.goto(url);
    result.code = await withTimeout(exited, options.limitMs, `suite "${WEB_SUITE}"`);
    if (failures.length) {
      result.error = `the extension failed in the web worker host: ${failures.join('; ')}`;
      result.code = result.code || 1;
    }
  } catch (e) {
    result.error = e instanceof Error ? e.message : String(e);
  } finally {
    if (result.code !== 0) log(`suite "${WEB_SUITE}" failed; the end of code-server's log:\n${server.logTail(30)}`);
    await page.close().catch(() => undefined);
    await server.stop();
  }
  return result;
}
