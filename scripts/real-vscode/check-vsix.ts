/**
 * `npm run check:vsix [-- FILE.vsix]` (after `npm run package`): installs the .vsix into a
 * throwaway extensions folder with `code-server --install-extension`, starts code-server on a
 * copy of test/fixtures/workspace-roles, and checks in the extension host (vsix-probe.ts) that
 * the installed extension activated there and reports activationMs. Exit 0 when it did.
 */
import * as fs from 'fs';
import * as path from 'path';
import {
  bundleForExtensionHost,
  copyToTemp,
  EXTENSION_ID,
  installExtension,
  launchBrowser,
  log,
  ROOT,
  runToExit,
  startCodeServer,
  tempDir,
  withTimeout,
} from './lib';

const PROBE = path.join(ROOT, 'out', 'vsix-check', 'probe.js');

function countMarkdown(dir: string): number {
  return fs.readdirSync(dir, { recursive: true }).filter((f) => String(f).endsWith('.md')).length;
}

async function main(): Promise<number> {
  const vsix = path.resolve(process.argv.slice(2).find((a) => !a.startsWith('-')) ?? 'handbook-roles.vsix');
  if (!fs.existsSync(vsix)) throw new Error(`${vsix} not found: run \`npm run package\` first`);
  const extensionsDir = tempDir('vsix-extensions');
  const output = await installExtension(vsix, extensionsDir);
  log(
    output
      .trim()
      .split('\n')
      .filter((l) => /install/i.test(l))
      .join('\n') || 'installed',
  );
  const installed = fs.readdirSync(extensionsDir).filter((d) => d.toLowerCase().startsWith(`${EXTENSION_ID}-`));
  if (installed.length !== 1)
    throw new Error(`expected one ${EXTENSION_ID}-* folder in ${extensionsDir}, found: ${fs.readdirSync(extensionsDir).join(', ')}`);
  for (const unwanted of ['node_modules', 'src', 'test']) {
    if (fs.existsSync(path.join(extensionsDir, installed[0], unwanted))) throw new Error(`the .vsix holds ${unwanted}/`);
  }

  await bundleForExtensionHost(path.join(__dirname, 'vsix-probe.ts'), PROBE);
  // The workbench runs extensionTestsPath only for an extension under development: make the probe
  // folder a manifest-only extension, so that the installed .vsix is the only Handbook Roles there.
  fs.writeFileSync(
    path.join(path.dirname(PROBE), 'package.json'),
    JSON.stringify({ name: 'vsix-probe', publisher: 'handbook-roles-test', version: '0.0.0', engines: { vscode: '^1.100.0' } }, null, 2),
  );
  const workspace = copyToTemp(path.join(ROOT, 'test', 'fixtures', 'workspace-roles'), 'workspace-roles', 'ws-vsix');
  const server = await startCodeServer({
    extensionsDir,
    env: {
      HANDBOOK_EXPECT_EXTENSIONS_DIR: path.join(extensionsDir, installed[0]),
      HANDBOOK_EXPECT_ROLE_FILES: String(countMarkdown(path.join(workspace, 'roles'))),
    },
  });
  const context = await launchBrowser();
  const page = await context.newPage();
  const exited = new Promise<number>((resolve) => void page.exposeFunction('codeAutomationExit', (code: number) => resolve(Number(code))));
  const messages: string[] = [];
  await page.exposeFunction('codeAutomationLog', (_level: string, message: unknown) => {
    const text = String(message);
    if (text.includes('[vsix]')) process.stdout.write(`${text}\n`);
    else messages.push(text);
  });
  await page.goto(
    server.workbenchUrl(workspace, [
      ['extensionDevelopmentPath', server.remote(path.dirname(PROBE))],
      ['extensionTestsPath', server.remote(PROBE)],
    ]),
  );
  const code = await withTimeout(exited, 90_000, 'vsix check');
  if (code !== 0) log(`workbench messages:\n${messages.slice(-30).join('\n')}\ncode-server log:\n${server.logTail(30)}`);
  await page.close();
  await server.stop();
  process.stdout.write(code === 0 ? `vsix check: ${path.basename(vsix)} installs and activates\n` : 'vsix check: FAILED\n');
  return code === 0 ? 0 : 1;
}

runToExit(main, { limitMs: 5 * 60_000, what: 'check:vsix' });
