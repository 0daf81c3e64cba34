/** Argument handling the `handbook-*` commands share: `node:util`'s parseArgs splits them, we apply them in order. */
import { parseArgs as splitArgs } from 'node:util';

declare const __VERSION__: string | undefined;

export interface ArgsIO {
  out: (s: string) => void;
  err: (s: string) => void;
}

/** A command's own option: a flag, or an option that takes a value (`--name VALUE`, `--name=VALUE`, `-sVALUE`). */
export interface OptionSpec {
  readonly type: 'boolean' | 'string';
  readonly short?: string;
}

/**
 * Applies one of the command's options, in the order given. `value` is the option's value (a
 * string option with none given at the end of the arguments gets `undefined`). Returns an exit
 * status to stop with, or nothing to go on.
 */
export type OptionHandler = (name: string, value: string | undefined) => number | void;

const STANDARD: Record<string, OptionSpec> = {
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
};

/**
 * Reads the arguments: `--` ends the options; -h/--help prints the usage and -v/--version the
 * version (exit 0); `option` applies the command's own options; any other argument starting with
 * "-" (except "-" itself), or a flag given a value (`--quiet=x`), is an unknown option (exit 2,
 * one line naming the argument as given). Returns the operands, or the exit status.
 *
 * node's parser is run non-strict so that every problem comes back here as a token and is
 * reported in our one-line form (strict mode throws its own wording), and so that the first
 * problem in argument order is the one reported, as before.
 */
export function parseArgs(
  command: string,
  usage: string,
  argv: string[],
  io: ArgsIO,
  options: Record<string, OptionSpec>,
  option: OptionHandler,
): string[] | number {
  const known: Record<string, OptionSpec> = { ...STANDARD, ...options };
  const { tokens } = splitArgs({ args: argv, options: known, strict: false, allowPositionals: true, tokens: true });
  const operands: string[] = [];
  for (const token of tokens) {
    if (token.kind === 'positional') operands.push(token.value);
    if (token.kind !== 'option') continue;
    // Own keys only: "--constructor" must not find Object.prototype.constructor.
    const spec = Object.hasOwn(known, token.name) ? known[token.name] : undefined;
    if (!spec || (spec.type === 'boolean' && token.value !== undefined)) {
      io.err(`${command}: unknown option "${argv[token.index]}" (see --help)\n`);
      return 2;
    }
    if (token.name === 'help') {
      io.out(usage + '\n');
      return 0;
    }
    if (token.name === 'version') {
      io.out(`${typeof __VERSION__ === 'string' ? __VERSION__ : 'dev'}\n`);
      return 0;
    }
    const status = option(token.name, token.value);
    if (typeof status === 'number') return status;
  }
  return operands;
}
