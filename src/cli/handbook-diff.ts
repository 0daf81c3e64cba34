#!/usr/bin/env node
/** Entry point of the `handbook-diff` binary. */
import { setFlagsFromString } from 'v8';
import { main } from './diffCommand';

// As for handbook-lint (see there): a short run that allocates briskly and keeps little.
setFlagsFromString('--semi-space-growth-factor=1');
setFlagsFromString('--no-turbo-inlining');

process.exitCode = main(process.argv.slice(2), {
  cwd: process.cwd(),
  out: (s) => process.stdout.write(s),
  err: (s) => process.stderr.write(s),
  color: !!process.stdout.isTTY && !process.env.NO_COLOR,
});
