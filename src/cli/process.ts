/**
 * What the CLI entry points share about their process: a current directory that may be gone, and
 * output streams that may close (`| head`) or fail (a full disk). Each ends in one line on
 * stderr and an exit status, never a stack trace.
 */
import { setFlagsFromString } from 'v8';
import { oneLine } from './terminal';

/** The current directory, or undefined (after one line on stderr) when it no longer exists. */
export function currentDirectory(tool: string): string | undefined {
  try {
    return process.cwd();
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    process.stderr.write(
      `${tool}: the current directory ${code === 'ENOENT' ? 'no longer exists' : `cannot be read (${oneLine(String(code ?? e))})`}\n`,
    );
    return undefined;
  }
}

/**
 * A reader that closed stdout early (EPIPE: `handbook-lint | head -c1`) wants no more: exit
 * quietly with the status so far. Any other write error (ENOSPC: a full disk) is one line on
 * stderr and exit 2. Errors nobody expected are one line too.
 */
export function guardProcess(tool: string): void {
  const onError = (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    try {
      process.stderr.write(`${tool}: cannot write the output: ${oneLine(e.code ?? e.message)}\n`);
    } finally {
      process.exit(2);
    }
  };
  process.stdout.on('error', onError);
  process.stderr.on('error', (e: NodeJS.ErrnoException) => process.exit(e.code === 'EPIPE' ? (process.exitCode ?? 0) : 2));
  process.on('uncaughtException', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE' || e.code === 'ENOSPC' || e.code === 'EIO') return onError(e);
    process.stderr.write(`${tool}: internal error: ${oneLine(e.message ?? String(e))}\n`);
    process.exit(2);
  });
}

/** What every command's `main` is given: where it runs and where its output goes. */
export interface ProcessIO {
  cwd: string;
  out: (s: string) => void;
  err: (s: string) => void;
  /** Colour only on a terminal, and never when NO_COLOR is set (no-color.org). */
  color: boolean;
}

/**
 * Runs one command as this process: output errors and a deleted current directory guarded (see
 * above), the exit status set from `main`. Every `handbook-*` binary starts here.
 */
export function runCli(tool: string, main: (argv: string[], io: ProcessIO) => number): void {
  guardProcess(tool);
  const cwd = currentDirectory(tool);
  process.exitCode =
    cwd === undefined
      ? 2
      : main(process.argv.slice(2), {
          cwd,
          out: (s) => process.stdout.write(s),
          err: (s) => process.stderr.write(s),
          color: !!process.stdout.isTTY && !process.env.NO_COLOR,
        });
}

/**
 * For a short run that allocates briskly and keeps little (lint, diff). The default young
 * generation grows to 32 MB for nothing; keeping it at its starting size cuts peak memory by a
 * fifth at the same speed (read by V8 at each resize, so it applies though set after start-up; if
 * ignored, nothing else changes). Inlining makes the optimising compiler's background work twice
 * as large (0.7 s of compiling for 600 files, some 4 MB of peak memory) for no speed gain measured
 * at 600 and 2,000 files (npm run bench; the files are in bench/.work).
 */
export function tuneForShortRun(): void {
  setFlagsFromString('--semi-space-growth-factor=1');
  setFlagsFromString('--no-turbo-inlining');
}
