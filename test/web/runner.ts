/**
 * A small test runner for the web worker extension host, where mocha's Node runner cannot load
 * (no `fs`, no `require` of files) and its browser build expects a page. Tests register with
 * `test(title, fn)`, run one after another with a time limit each, and the results are printed
 * the way the Node suites print theirs, ending with the line the harness counts:
 * `[handbook] suite "web": N passed, M failed`.
 */

export interface WebTest {
  title: string;
  fn: () => Promise<void>;
  timeoutMs: number;
}

/** Generous: a page check waits up to 30 s on a loaded 2-core machine (load 16 seen). */
const DEFAULT_TIMEOUT_MS = 90_000;
const tests: WebTest[] = [];

export function test(title: string, fn: () => Promise<void>, timeoutMs = DEFAULT_TIMEOUT_MS): void {
  tests.push({ title, fn, timeoutMs });
}

/** Rejects after `ms` unless `promise` settles first. */
export function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: timed out after ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export interface RunResult {
  passed: number;
  failed: number;
}

/** Runs the registered tests whose title contains `grep` (all when empty), in order. */
export async function runTests(suite: string, grep: string, afterEach: () => Promise<void>): Promise<RunResult> {
  const chosen = tests.filter((t) => !grep || t.title.includes(grep));
  const result: RunResult = { passed: 0, failed: 0 };
  console.log(`\n  ${suite}`);
  for (const t of chosen) {
    const started = Date.now();
    try {
      await within(t.fn(), t.timeoutMs, t.title);
      result.passed++;
      console.log(`    ✓ ${t.title} (${Date.now() - started} ms)`);
    } catch (e) {
      result.failed++;
      console.log(`    ✗ ${t.title}\n      ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`.replace(/\n/g, '\n      '));
    }
    try {
      await afterEach();
    } catch (e) {
      console.log(`      (cleaning up after "${t.title}" failed: ${e instanceof Error ? e.message : String(e)})`);
    }
  }
  console.log(`\n  ${result.passed} passing, ${result.failed} failing`);
  return result;
}

// Assertions that print both sides (the Node `assert` module does not exist in a web worker).

export class AssertionError extends Error {
  override name = 'AssertionError';
}

export function ok(value: unknown, message: string): asserts value {
  if (!value) throw new AssertionError(message);
}

/** Deep equality of plain data (compared as JSON, so key order matters). */
export function equal<T>(actual: T, expected: T, what: string): void {
  const a = JSON.stringify(actual);
  const b = JSON.stringify(expected);
  if (a !== b) throw new AssertionError(`${what}\n  expected: ${b}\n  actual:   ${a}`);
}
