#!/usr/bin/env node
/** Entry point of the `handbook-import` binary. */
import { main } from './importCommand';
import { runCli } from './process';

runCli('handbook-import', main);
