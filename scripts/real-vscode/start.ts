/**
 * `npm start [-- FOLDER]`: builds the extension (npm runs esbuild first) and opens it in a real VS
 * Code (code-server) on loopback, in a throwaway demo workspace holding the built-in handbook (or
 * in FOLDER). Prints the URL to open in a browser; Ctrl-C stops the server and removes the
 * throwaway folders. After `npm run watch` rebuilds, run "Developer: Reload Window" in the page.
 *
 * HANDBOOK_PORT picks the port (default: a free one).
 */
import * as fs from 'fs';
import * as path from 'path';
import { cleanup, installSignalHandlers, log, makeDemoWorkspace, ROOT, startCodeServer } from './lib';

async function main(): Promise<void> {
  installSignalHandlers();
  const arg = process.argv.slice(2).find((a) => !a.startsWith('-'));
  const folder = arg ? path.resolve(arg) : makeDemoWorkspace();
  if (!fs.existsSync(folder)) throw new Error(`no such folder: ${folder}`);
  const server = await startCodeServer({ port: process.env.HANDBOOK_PORT ? Number(process.env.HANDBOOK_PORT) : undefined });
  const url = server.workbenchUrl(folder, [['extensionDevelopmentPath', server.remote(ROOT)]]);
  process.stdout.write(
    [
      '',
      'Handbook Roles is running in VS Code (code-server) at:',
      '',
      `  ${url}`,
      '',
      `Workspace: ${folder}`,
      `Server log: ${server.logFile}`,
      'Press Ctrl-C to stop.',
      '',
    ].join('\n'),
  );
  await server.exited;
  log('code-server stopped');
}

main()
  .catch((e: unknown) => {
    log(e instanceof Error ? e.message : String(e));
    process.exitCode = 1;
  })
  .finally(async () => {
    await cleanup();
    process.exit();
  });
