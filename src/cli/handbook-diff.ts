#!/usr/bin/env node
/** Entry point of the `handbook-diff` binary. */
import { main } from './diffCommand';
import { runCli, tuneForShortRun } from './process';

tuneForShortRun();
runCli('handbook-diff', main);
