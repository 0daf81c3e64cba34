#!/usr/bin/env node
/** Entry point of the `handbook-lint` binary. */
import { main } from './lintCommand';
import { runCli, tuneForShortRun } from './process';

tuneForShortRun();
runCli('handbook-lint', main);
