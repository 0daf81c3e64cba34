/** `npx tsx scripts/real-vscode/install.ts`: installs the pinned code-server and checks for Chromium. */
import { CODE_SERVER_VERSION, chromiumPath, ensureCodeServer, log } from './lib';

async function main(): Promise<void> {
  const entry = await ensureCodeServer();
  log(`code-server ${CODE_SERVER_VERSION}: ${entry}`);
  log(`chromium: ${chromiumPath()}`);
}

main().catch((e: unknown) => {
  log(e instanceof Error ? e.message : String(e));
  process.exit(1);
});
