/**
 * `npm run screenshots [-- --strict]`: opens the extension in a real VS Code (code-server) on a
 * demo workspace (the built-in handbook plus one broken role file), drives it with Playwright, and
 * writes PNGs into media/screenshots/:
 *
 *   roles-tree.png  the Handbook activity-bar container with the Roles view (handbookRoles.roles)
 *   hover.png       the hover card of a [[role link]] in a role file
 *   compare.png     the webview of handbookRoles.compareRoles('cto', 'head-of-engineering')
 *   map.png         the responsibility map webview (handbookRoles.showResponsibilityMap)
 *   problems.png    the Problems panel with the broken role file's findings
 *   org-chart.png   the org chart webview (handbookRoles.showOrgChart), after a ladder and reporting
 *                   lines are added to the demo workspace (ORG_ROLES)
 *   ladders.png     the ladder view webview (handbookRoles.showLadders)
 *
 * A step whose feature is missing (no command, no tree items, no diagnostics...) is reported and
 * skipped; the others are still taken (with no diagnostics, editor.png shows the explorer and the
 * broken file instead of problems.png). `--strict` makes any skipped shot a failure.
 *
 * The Playwright side drives the UI; a small driver in the extension host (screenshot-driver.ts,
 * the workbench's extensionTestsPath) runs the commands that need arguments, and places the cursor.
 */
import * as fs from 'fs';
import * as http from 'http';
import * as path from 'path';
import type { Frame, Page } from 'playwright-core';
import type { Step, StepResult } from './screenshot-driver';
import {
  bundleForExtensionHost,
  EXTENSION_ID,
  launchBrowser,
  log,
  makeDemoWorkspace,
  ROOT,
  runToExit,
  startCodeServer,
  waitForWorkbench,
  withTimeout,
} from './lib';
import { roleFile } from '../../test/support/roleFile';

const OUT_DIR = path.join(ROOT, 'media', 'screenshots');
const DRIVER = path.join(ROOT, 'out', 'screenshots', 'driver.js');

const BROKEN_ROLE = `---
role: release-manager
title: Release Manager
type: captain
responsibilites:
  - Cut the weekly release
relationships:
  - with: chief-wizard
    kind: peer
---

# Release Manager

Works with the [[CTO]] and the [[Chief Wizard]].
`;

/** Roles added before the org chart and ladder shots: a three-rung ladder and a management chain. */
const ORG_ROLES: Record<string, string> = {
  'vp-engineering.md': role(
    'vp-engineering',
    'VP Engineering',
    'executive',
    ['Run the engineering organisation'],
    ['relationships:', '  - with: cto', '    kind: reports-to'],
  ),
  'engineering-manager.md': role(
    'engineering-manager',
    'Engineering Manager',
    'manager',
    ['Run the team', 'Hire engineers'],
    ['relationships:', '  - with: vp-engineering', '    kind: reports-to'],
  ),
  'engineer.md': role(
    'engineer',
    'Engineer',
    'individual-contributor',
    ['Write tested code', 'Review the code of the team'],
    [
      'level: 1',
      'successCriteria:',
      '  - Does the code ship with tests?',
      'relationships:',
      '  - with: engineering-manager',
      '    kind: reports-to',
    ],
  ),
  'senior-engineer.md': role(
    'senior-engineer',
    'Senior Engineer',
    'individual-contributor',
    ['Mentor engineers', 'Lead the design of features'],
    ['extends: engineer', 'level: 2', 'relationships:', '  - with: engineering-manager', '    kind: reports-to'],
  ),
  'staff-engineer.md': role(
    'staff-engineer',
    'Staff Engineer',
    'individual-contributor',
    ['Set the technical direction of several teams'],
    ['extends: senior-engineer', 'level: 3', 'relationships:', '  - with: head-of-engineering', '    kind: reports-to'],
  ),
};

function role(id: string, title: string, type: string, responsibilities: string[], extra: string[]): string {
  return roleFile(id, { title, type, responsibilities, extra, heading: true });
}

/** The script's end of the driver: hands out one step at a time and waits for its result. */
class DriverBridge {
  private readonly server = http.createServer((req, res) => this.handle(req, res));
  private waiting: http.ServerResponse | undefined;
  private queued: Step | undefined;
  private pending: ((r: StepResult) => void) | undefined;
  port = 0;

  async listen(): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    const address = this.server.address();
    this.port = typeof address === 'object' && address ? address.port : 0;
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse): void {
    if (req.method === 'GET' && req.url === '/next') {
      if (this.queued) {
        res.end(JSON.stringify(this.queued));
        this.queued = undefined;
      } else this.waiting = res;
      return;
    }
    if (req.method === 'POST' && req.url === '/result') {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        res.end('{}');
        const result = JSON.parse(Buffer.concat(chunks).toString('utf8')) as StepResult;
        const resolve = this.pending;
        this.pending = undefined;
        resolve?.(result);
      });
      return;
    }
    res.statusCode = 404;
    res.end();
  }

  /** Sends a step to the extension host and resolves with its result. */
  run(step: Step, timeoutMs = 30_000): Promise<StepResult> {
    const result = new Promise<StepResult>((resolve) => (this.pending = resolve));
    if (this.waiting) {
      this.waiting.end(JSON.stringify(step));
      this.waiting = undefined;
    } else this.queued = step;
    if (step.op === 'done') {
      this.pending = undefined;
      return Promise.resolve({ ok: true });
    }
    return withTimeout(result, timeoutMs, `driver step ${JSON.stringify(step)}`).catch((e: Error) => ({ ok: false, error: e.message }));
  }

  close(): Promise<void> {
    this.waiting?.end(JSON.stringify({ op: 'done' }));
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

interface Shot {
  file: string;
  ok: boolean;
  note: string;
}

/** Resolves true once `check` holds (polled by the browser side), false after `timeoutMs`. */
async function eventually(check: () => Promise<boolean>, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check().catch(() => false)) return true;
    await new Promise((r) => setTimeout(r, 200));
  }
  return false;
}

async function settle(page: Page): Promise<void> {
  // Two animation frames: the last layout and paint are on screen before the capture.
  await page.evaluate(() => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r()))));
}

async function capture(page: Page, name: string): Promise<string> {
  fs.mkdirSync(OUT_DIR, { recursive: true });
  const file = path.join(OUT_DIR, name);
  await page.keyboard.press('Escape').catch(() => undefined);
  await settle(page);
  await page.screenshot({ path: file });
  return file;
}

async function webviewFrame(page: Page): Promise<Frame | undefined> {
  for (const frame of page.frames()) {
    if (frame === page.mainFrame()) continue;
    const text = await frame.evaluate(() => document.body?.innerText?.trim().length ?? 0).catch(() => 0);
    const isWebview = frame.url().includes('webview') || (frame.parentFrame() !== null && frame.parentFrame() !== page.mainFrame());
    if (isWebview && text > 20 && !frame.url().includes('extensionHostWorker')) return frame;
  }
  return undefined;
}

async function main(): Promise<number> {
  const strict = process.argv.includes('--strict');
  const workspace = makeDemoWorkspace();
  fs.writeFileSync(path.join(workspace, 'roles', 'release-manager.md'), BROKEN_ROLE);
  await bundleForExtensionHost(path.join(__dirname, 'screenshot-driver.ts'), DRIVER);
  const bridge = new DriverBridge();
  await bridge.listen();
  const server = await startCodeServer({ env: { HANDBOOK_DRIVER_PORT: String(bridge.port) } });
  const context = await launchBrowser({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  const exited = new Promise<number>((resolve) => void page.exposeFunction('codeAutomationExit', (code: number) => resolve(code)));
  await page.exposeFunction('codeAutomationLog', (_level: string, message: unknown) => {
    if (process.env.HANDBOOK_DEBUG === '1') log(`workbench: ${String(message)}`);
  });
  const url = server.workbenchUrl(workspace, [
    // HANDBOOK_EXTENSION_PATH: capture another build of the extension (e.g. a stand-in while checking this script).
    ['extensionDevelopmentPath', server.remote(process.env.HANDBOOK_EXTENSION_PATH ?? ROOT)],
    ['extensionTestsPath', server.remote(DRIVER)],
  ]);
  await page.goto(url);
  await waitForWorkbench(page);
  const shots: Shot[] = [];
  try {
    const ext = await bridge.run({ op: 'extension', id: process.env.HANDBOOK_EXTENSION_ID ?? EXTENSION_ID, timeoutMs: 20_000 });
    log(`extension: ${JSON.stringify(ext.value ?? ext.error)}`);
    await bridge.run({ op: 'command', id: 'notifications.clearAll' });
    await bridge.run({ op: 'command', id: 'workbench.action.closePanel' });

    // 1. The roles tree, with a role file open beside it.
    await bridge.run({ op: 'open', file: 'roles/cto.md' });
    const shown = await bridge.run({ op: 'command', id: 'workbench.view.extension.handbook' });
    const sidebar = page.locator('.part.sidebar');
    const rows = sidebar.locator('.monaco-list-row');
    const hasRows = shown.ok && (await eventually(async () => (await rows.count()) > 0, 15_000));
    const sidebarText = (await sidebar.innerText().catch(() => '')).replace(/\s+/g, ' ').slice(0, 160);
    if (hasRows) {
      // A wider side bar, and the first role expanded (its twistie: a click on the label opens the file).
      const box = await sidebar.boundingBox();
      if (box) {
        await page.mouse.move(box.x + box.width - 1, box.y + box.height / 2);
        await page.mouse.down();
        await page.mouse.move(box.x + 480, box.y + box.height / 2, { steps: 8 });
        await page.mouse.up();
        await page.mouse.move(box.x + 700, 5);
      }
      const before = await rows.count();
      await sidebar
        .locator('.monaco-list-row[aria-expanded="false"] .monaco-tl-twistie')
        .first()
        .click()
        .catch(() => undefined);
      await eventually(async () => (await rows.count()) > before, 5_000);
      shots.push({ file: await capture(page, 'roles-tree.png'), ok: true, note: `${await rows.count()} rows` });
      // Back to the usual width, so that the webviews below get the room.
      const wide = await sidebar.boundingBox();
      if (box && wide) {
        await page.mouse.move(wide.x + wide.width - 1, wide.y + wide.height / 2);
        await page.mouse.down();
        await page.mouse.move(box.x + box.width, wide.y + wide.height / 2, { steps: 8 });
        await page.mouse.up();
        await page.mouse.move(wide.x + 600, 5); // off the sash, which stays highlighted under the pointer
      }
    } else {
      shots.push({
        file: 'roles-tree.png',
        ok: false,
        note: shown.ok ? `no tree items within 15 s (view says: "${sidebarText}")` : `cannot show the view: ${shown.error}`,
      });
    }

    // 2. A hover card on a [[role link]].
    const opened = await bridge.run({ op: 'open', file: 'roles/cto.md', find: '[[Head of Engineering]]', offset: 4, atTop: true });
    const hovered = opened.ok ? await bridge.run({ op: 'command', id: 'editor.action.showHover' }) : opened;
    const hover = page.locator('.monaco-hover:not(.hidden)').first();
    const hasHover =
      hovered.ok &&
      (await eventually(async () => {
        if (!(await hover.isVisible())) return false;
        const text = (await hover.innerText()).trim();
        return text.length > 0 && !/^Loading/.test(text);
      }, 10_000));
    if (hasHover) {
      const text = (await hover.innerText()).replace(/\s+/g, ' ').slice(0, 80);
      await settle(page);
      fs.mkdirSync(OUT_DIR, { recursive: true });
      await page.screenshot({ path: path.join(OUT_DIR, 'hover.png') });
      shots.push({ file: path.join(OUT_DIR, 'hover.png'), ok: true, note: `"${text}..."` });
    } else {
      shots.push({ file: 'hover.png', ok: false, note: hovered.ok ? 'no hover card within 10 s' : `${hovered.error}` });
    }
    await page.keyboard.press('Escape');

    // 3. The comparison webview.
    const compared = await bridge.run({ op: 'command', id: 'handbookRoles.compareRoles', args: ['cto', 'head-of-engineering'] });
    let frame: Frame | undefined;
    const hasWebview = compared.ok && (await eventually(async () => (frame = await webviewFrame(page)) !== undefined, 15_000));
    if (hasWebview && frame) {
      const text = (await frame.evaluate(() => document.body.innerText)).replace(/\s+/g, ' ').slice(0, 80);
      shots.push({ file: await capture(page, 'compare.png'), ok: true, note: `"${text}..."` });
    } else {
      shots.push({ file: 'compare.png', ok: false, note: compared.ok ? 'no webview content within 15 s' : `${compared.error}` });
    }
    await bridge.run({ op: 'command', id: 'workbench.action.closeAllEditors' });

    // 3b. The responsibility map webview, once its matrix is drawn.
    const mapped = await bridge.run({ op: 'command', id: 'handbookRoles.showResponsibilityMap' });
    let mapFrame: Frame | undefined;
    const hasMap =
      mapped.ok &&
      (await eventually(async () => {
        mapFrame = await webviewFrame(page);
        return !!mapFrame && (await mapFrame.evaluate(() => document.querySelectorAll('table button.entry').length)) > 0;
      }, 15_000));
    if (hasMap && mapFrame) {
      const text = (await mapFrame.evaluate(() => document.querySelector('.summary')?.textContent ?? '')).slice(0, 80);
      shots.push({ file: await capture(page, 'map.png'), ok: true, note: `"${text}"` });
    } else {
      shots.push({ file: 'map.png', ok: false, note: mapped.ok ? 'no map drawn within 15 s' : `${mapped.error}` });
    }
    await bridge.run({ op: 'command', id: 'workbench.action.closeAllEditors' });

    // 4. The Problems panel with the broken role file's findings.
    await bridge.run({ op: 'open', file: 'roles/release-manager.md' });
    await bridge.run({ op: 'command', id: 'workbench.files.action.showActiveFileInExplorer' });
    const diagnostics = await bridge.run({ op: 'waitDiagnostics', file: 'roles/release-manager.md', timeoutMs: 20_000 });
    if (diagnostics.ok) {
      await bridge.run({ op: 'command', id: 'workbench.actions.view.problems' });
      const markers = page.locator('.markers-panel .monaco-list-row');
      await eventually(async () => (await markers.count()) > 1, 10_000);
      // Show the findings in the editor too (squiggles) rather than the focus ring of the panel.
      shots.push({ file: await capture(page, 'problems.png'), ok: true, note: `${diagnostics.value as number} findings` });
    } else {
      shots.push({ file: await capture(page, 'editor.png'), ok: true, note: 'explorer and broken role file (no diagnostics yet)' });
      shots.push({ file: 'problems.png', ok: false, note: diagnostics.error ?? 'no diagnostics' });
    }

    // 5. The org chart and the ladder view, on the demo handbook plus a ladder and reporting lines.
    await bridge.run({ op: 'command', id: 'workbench.action.closePanel' });
    await bridge.run({ op: 'command', id: 'workbench.action.closeAllEditors' });
    for (const [file, text] of Object.entries(ORG_ROLES)) fs.writeFileSync(path.join(workspace, 'roles', file), text);
    const orgShot = async (commandId: string, file: string, selector: string, min: number) => {
      let frame: Frame | undefined;
      // The new files reach the index through the file watcher: run the command again until the view draws them all.
      const drawn = await eventually(async () => {
        const ran = await bridge.run({ op: 'command', id: commandId });
        if (!ran.ok) return false;
        return eventually(async () => {
          frame = await webviewFrame(page);
          return !!frame && (await frame.evaluate((s) => document.querySelectorAll(s).length, selector)) >= min;
        }, 3_000);
      }, 20_000);
      if (drawn && frame) {
        const text = (await frame.evaluate(() => document.body.innerText)).replace(/\s+/g, ' ').slice(0, 80);
        shots.push({ file: await capture(page, file), ok: true, note: `"${text}..."` });
      } else {
        shots.push({ file, ok: false, note: `no ${selector} drawn within 20 s` });
      }
      await bridge.run({ op: 'command', id: 'workbench.action.closeAllEditors' });
    };
    await orgShot('handbookRoles.showOrgChart', 'org-chart.png', 'g.card', 7);
    await orgShot('handbookRoles.showLadders', 'ladders.png', 'section.rung', 3);
  } finally {
    await bridge.run({ op: 'done' });
    await withTimeout(exited, 15_000, 'extension host exit').catch(() => undefined);
    await bridge.close();
    await server.stop();
  }

  process.stdout.write('\nScreenshots (media/screenshots/):\n');
  for (const s of shots) process.stdout.write(`  ${s.ok ? 'wrote  ' : 'SKIPPED'} ${path.basename(s.file)}: ${s.note}\n`);
  const skipped = shots.filter((s) => !s.ok).length;
  return strict && skipped ? 1 : 0;
}

runToExit(main, { limitMs: Number(process.env.HANDBOOK_SCREENSHOTS_TIMEOUT_MS ?? 5 * 60_000), what: 'screenshots', stack: true });
