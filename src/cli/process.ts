/**
 * What the CLI entry points share about their process: a current directory that may be gone, and
 * output streams that may close (`| head`) or fail (a full disk). Each ends in one line on
 * stderr and an exit status, never a stack trace.
 */
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
