#!/usr/bin/env node
/** Entry point of the `handbook-lint` binary. */
import { main } from './lintCommand';

process.exitCode = main(process.argv.slice(2), {
  cwd: process.cwd(),
  out: (s) => process.stdout.write(s),
  err: (s) => process.stderr.write(s),
  color: !!process.stdout.isTTY && !process.env.NO_COLOR,
});
