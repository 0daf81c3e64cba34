/** Argument handling the `handbook-*` commands share. */

declare const __VERSION__: string | undefined;

export interface ArgsIO {
  out: (s: string) => void;
  err: (s: string) => void;
}

/**
 * Reads a command's own option. `arg` is the option as given; `value()` takes its value (after
 * "=", else the next argument, which is then consumed). Returns true when it handled the option,
 * false when the option is not one of the command's, or an exit status to stop with.
 */
export type OptionHandler = (arg: string, value: () => string | undefined) => boolean | number;

/**
 * Walks the arguments: `--` ends the options; -h/--help prints the usage and -v/--version the
 * version (exit 0); `option` reads the command's own options; any other argument starting with
 * "-" (except "-" itself) is an unknown option (exit 2). Returns the operands, or the exit status.
 */
export function parseArgs(command: string, usage: string, argv: string[], io: ArgsIO, option: OptionHandler): string[] | number {
  const operands: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      operands.push(...argv.slice(i + 1));
      break;
    }
    if (arg === '-h' || arg === '--help') {
      io.out(usage + '\n');
      return 0;
    }
    if (arg === '-v' || arg === '--version') {
      io.out(`${typeof __VERSION__ === 'string' ? __VERSION__ : 'dev'}\n`);
      return 0;
    }
    const handled = option(arg, () => (arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : argv[++i]));
    if (typeof handled === 'number') return handled;
    if (handled) continue;
    if (arg.startsWith('-') && arg !== '-') {
      io.err(`${command}: unknown option "${arg}" (see --help)\n`);
      return 2;
    }
    operands.push(arg);
  }
  return operands;
}

/** Whether `arg` is the option `long` (also as `long=value`) or one of its short forms. */
export function isOption(arg: string, long: string, ...short: string[]): boolean {
  return arg === long || short.includes(arg) || arg.startsWith(`${long}=`);
}
