#!/usr/bin/env node
/** Entry point of the `handbook-import` binary. */
import { main } from './importCommand';
import { currentDirectory, guardProcess } from './process';

guardProcess('handbook-import');
const cwd = currentDirectory('handbook-import');
process.exitCode =
  cwd === undefined
    ? 2
    : main(process.argv.slice(2), {
        cwd,
        out: (s) => process.stdout.write(s),
        err: (s) => process.stderr.write(s),
      });
