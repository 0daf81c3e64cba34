/**
 * Bench section "host" (`npm run bench -- --only=host`): the extension in the REAL extension host
 * (code-server, as the integration suite runs it) on a generated handbook repository of 5,000
 * Markdown pages (LF and CRLF; most with a Jekyll-like frontmatter that names no role) and 500 role
 * files. Measured: time to ready (the extension's own signal: activate() until the initial scan is
 * done, `readyMs()`), the extension host's heap once ready, and edit-to-diagnostics latency over 200
 * edits of one role file (p50/p95). Bars: ready ≤ 3× handbook-lint's time on the same files;
 * p95 ≤ the edit debounce (250 ms) + 50 ms; heap ≤ 150 MB.
 *
 * It starts code-server and Chromium: run it under the integration lock as well as the bench lock
 * (`flock /tmp/bench.lock flock /tmp/integration.lock npm run bench -- --only=host`).
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import {
  bundleForExtensionHost,
  ensureCodeServer,
  launchBrowser,
  log,
  startCodeServer,
  withTimeout,
  cleanup,
} from '../../scripts/real-vscode/lib';
import { prng, roleFile, roleId } from '../generate';

type Row = (what: string, value: string, bar: string, ok: boolean | null, command: string) => void;

const REPO = path.join(__dirname, '..', '..');
const WORK = path.join(__dirname, '..', '.work');
const CLI = path.join(REPO, 'dist', 'cli', 'handbook-lint.js');
/** The workspace's edit debounce (src/extension/handbookWorkspace.ts EDIT_DEBOUNCE_MS). */
const DEBOUNCE_MS = 250;
const COMMAND = 'flock /tmp/bench.lock flock /tmp/integration.lock npm run bench -- --only=host';

interface HostFigures {
  roleFiles: number;
  readyMs: number;
  activationMs: number;
  gcExposed: boolean;
  heapUsedMB: number;
  heapTotalMB: number;
  heapUsedAfterEditsMB: number;
  latencies: number[];
}

/** A page as a static-site generator keeps it: a frontmatter without `role` (10–45 lines) most of the time. */
function page(i: number): string {
  const rnd = prng(100_000 + i);
  const lines: string[] = [];
  if (i % 10 !== 0) {
    lines.push('---', 'layout: post', `title: "Page ${i}"`, `date: 2024-01-${String((i % 28) + 1).padStart(2, '0')}`);
    const extra = 6 + Math.floor(rnd() * 36);
    for (let k = 0; k < extra; k++) lines.push(`meta${k}: value ${Math.floor(rnd() * 1000)}`);
    lines.push('---');
  }
  lines.push('', `# Page ${i}`, '');
  for (let p = 0; p < 4; p++)
    lines.push(
      `Paragraph ${p} of page ${i}, about the handbook and how teams work together on delivery and quality.`,
      i % 7 === p ? `It mentions [[${roleId(i % 500)}]] once.` : 'Nothing to link here.',
      '',
    );
  return lines.join('\n');
}

/** Writes the workspace (once per content version); returns its folder. */
function writeWorkspace(pages: number, roles: number): string {
  const dir = path.join(WORK, `host-${pages}-${roles}`, 'workspace-host');
  const stamp = path.join(dir, '.complete-v1');
  if (fs.existsSync(stamp)) return dir;
  fs.rmSync(dir, { recursive: true, force: true });
  for (let i = 0; i < pages; i++) {
    const folder = path.join(dir, 'docs', `section-${Math.floor(i / 250)}`);
    if (i % 250 === 0) fs.mkdirSync(folder, { recursive: true });
    const text = page(i);
    fs.writeFileSync(path.join(folder, `page-${i}.md`), i % 2 ? text.replace(/\n/g, '\r\n') : text);
  }
  fs.mkdirSync(path.join(dir, 'roles'), { recursive: true });
  for (let i = 0; i < roles; i++) {
    const text = roleFile(i, { total: roles, schemaError: i % 50 === 7 });
    fs.writeFileSync(path.join(dir, 'roles', `${roleId(i)}.md`), i % 3 === 0 ? text.replace(/\n/g, '\r\n') : text);
  }
  fs.writeFileSync(stamp, '');
  return dir;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
};
const ms = (x: number) => (x >= 1000 ? `${(x / 1000).toFixed(2)} s` : `${x.toFixed(0)} ms`);

/** handbook-lint over the same files (all Markdown under the folder), median wall time of 3. */
function cliMs(dir: string): number {
  const times: number[] = [];
  for (let k = 0; k < 3; k++) {
    const started = performance.now();
    const r = spawnSync(process.execPath, [CLI, '--format', 'json'], { cwd: dir, encoding: 'utf8', maxBuffer: 1024 * 1024 * 1024 });
    times.push(performance.now() - started);
    if (r.status !== 0 && r.status !== 1) throw new Error(`handbook-lint exited ${r.status}: ${r.stderr}`);
  }
  return median(times);
}

async function runInHost(workspace: string, edits: number): Promise<HostFigures> {
  const driver = path.join(WORK, 'host-driver', 'driver.js');
  await bundleForExtensionHost(path.join(__dirname, 'driver.ts'), driver);
  await ensureCodeServer();
  const server = await startCodeServer({
    env: { HANDBOOK_BENCH_EDITS: String(edits), NODE_OPTIONS: '--expose-gc' },
  });
  const context = await launchBrowser();
  const page = await context.newPage();
  try {
    let figures: HostFigures | undefined;
    const exited = new Promise<number>(
      (resolve) => void page.exposeFunction('codeAutomationExit', (code: number) => resolve(Number(code))),
    );
    const messages: string[] = [];
    await page.exposeFunction('codeAutomationLog', (_level: string, message: unknown) => {
      const text = String(message);
      const at = text.indexOf('[bench-host] ');
      if (at >= 0) figures = JSON.parse(text.slice(at + 13)) as HostFigures;
      else messages.push(text);
    });
    await page.goto(
      server.workbenchUrl(workspace, [
        ['extensionDevelopmentPath', server.remote(REPO)],
        ['extensionTestsPath', server.remote(driver)],
      ]),
    );
    const code = await withTimeout(exited, 10 * 60_000, 'the host bench');
    if (code !== 0 || !figures) {
      log(`workbench messages:\n${messages.slice(-30).join('\n')}\ncode-server log:\n${server.logTail(30)}`);
      throw new Error(`the host bench driver failed (exit ${code})`);
    }
    return figures;
  } finally {
    await page.close().catch(() => undefined);
    await server.stop();
    await cleanup();
  }
}

export async function hostSection(row: Row, quick: boolean): Promise<Record<string, unknown>> {
  process.stdout.write('\n10. The extension in the real extension host (code-server)\n');
  const pages = quick ? 1000 : 5000;
  const roles = quick ? 100 : 500;
  const edits = quick ? 40 : 200;
  const workspace = writeWorkspace(pages, roles);
  const cli = cliMs(workspace);
  const host = await runInHost(workspace, edits);
  const what = `${pages.toLocaleString('en')} pages + ${roles} role files`;
  row(
    `time to ready (activate() to the initial scan's end), ${what}`,
    `${ms(host.readyMs)} (handbook-lint on the same files: ${ms(cli)}, ×${(host.readyMs / cli).toFixed(2)})`,
    '≤ 3× handbook-lint',
    host.readyMs <= 3 * cli,
    COMMAND,
  );
  row(
    `extension host heap once ready${host.gcExposed ? ' (after a full GC)' : ''}`,
    `${host.heapUsedMB.toFixed(1)} MB used (${host.heapUsedAfterEditsMB.toFixed(1)} MB after the edits)`,
    '≤ 150 MB',
    host.heapUsedMB <= 150,
    COMMAND,
  );
  const p50 = pct(host.latencies, 50);
  const p95 = pct(host.latencies, 95);
  row(
    `edit of a role file to its diagnostics, ${host.latencies.length} edits`,
    `p50 ${ms(p50)}, p95 ${ms(p95)}, max ${ms(Math.max(...host.latencies))}`,
    `p95 ≤ debounce ${DEBOUNCE_MS} ms + 50 ms`,
    p95 <= DEBOUNCE_MS + 50,
    COMMAND,
  );
  return { pages, roles, edits, cliMs: cli, ...host, p50, p95 };
}
