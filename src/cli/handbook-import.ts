#!/usr/bin/env node
/** Entry point of the `handbook-import` binary. */
import { main } from './importCommand';

process.exitCode = main(process.argv.slice(2), {
  cwd: process.cwd(),
  out: (s) => process.stdout.write(s),
  err: (s) => process.stderr.write(s),
});
