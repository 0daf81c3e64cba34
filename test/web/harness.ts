/**
 * Asking the harness (scripts/real-vscode/web-suite.ts) about what only the workbench's page shows:
 * the request goes out as a log line, the answer comes back as a file beside the workspace,
 * which this side reads through vscode.workspace.fs (the only file access a web worker has).
 * There is no event for a file outside the workspace: it is polled, with a time limit.
 */
import * as vscode from 'vscode';
import { AssertionError, equal } from './runner';

const POLL_MS = 100;
const ANSWER_TIMEOUT_MS = 50_000;
let lastId = 0;

export interface CheckReply {
  ok: boolean;
  seen: unknown;
  detail?: string;
}

/** `<the workspace folder's parent>/web-checks/`: where the harness writes its answers. */
export function checksFolder(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('the web suite needs an open folder');
  return vscode.Uri.joinPath(folder.uri, '..', 'web-checks');
}

export async function readJson<T>(uri: vscode.Uri): Promise<T> {
  return JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(uri))) as T;
}

/** Resolves with the JSON in `uri` once it exists; rejects after `timeoutMs`. */
async function pollForFile<T>(uri: vscode.Uri, timeoutMs: number, what: string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await readJson<T>(uri);
    } catch (e) {
      if (!(e instanceof vscode.FileSystemError) || Date.now() > deadline) {
        throw new Error(`no answer from the harness to ${what} within ${timeoutMs} ms (${e instanceof Error ? e.message : String(e)})`);
      }
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

/** Sends one check to the harness and resolves with its reply (it waits on the page itself). */
export async function ask(check: string, args: Record<string, unknown>): Promise<CheckReply> {
  const id = ++lastId;
  console.log(`[web-check] ${JSON.stringify({ id, check, ...args })}`);
  return pollForFile<CheckReply>(vscode.Uri.joinPath(checksFolder(), `${id}.json`), ANSWER_TIMEOUT_MS, `check "${check}"`);
}

/** Asks for a check and fails with what the page showed unless it passed. */
export async function expectPage(check: string, args: Record<string, unknown>, expected: unknown): Promise<void> {
  const reply = await ask(check, args);
  if (reply.ok) return;
  equal(reply.seen, expected, `the page: ${check}${reply.detail ? ` (${reply.detail})` : ''}`);
  throw new AssertionError(`the page: ${check}: ${reply.detail ?? 'not as expected'}`);
}
