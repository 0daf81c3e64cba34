import * as assert from 'assert';
import { parseArgs, type OptionSpec } from '../../../src/cli/args';

const OPTIONS: Record<string, OptionSpec> = {
  format: { type: 'string', short: 'f' },
  quiet: { type: 'boolean', short: 'q' },
};

/** Runs parseArgs and records what it applied, printed and returned. */
function parse(argv: string[]) {
  let out = '';
  let err = '';
  const applied: [string, string | undefined][] = [];
  const result = parseArgs('cmd', 'Usage: cmd', argv, { out: (s) => (out += s), err: (s) => (err += s) }, OPTIONS, (name, value) => {
    applied.push([name, value]);
    if (name === 'format' && value === 'bad') return 2;
  });
  return { result, applied, out, err };
}

describe('cli: argument handling (node:util parseArgs)', () => {
  it('applies options in order, in every spelling, and keeps the operands', () => {
    assert.deepStrictEqual(parse(['a.md', '--format', 'json', '-q', '--format=sarif', '-fgithub', '-f', 'x', 'b.md']), {
      result: ['a.md', 'b.md'],
      applied: [
        ['format', 'json'],
        ['quiet', undefined],
        ['format', 'sarif'],
        ['format', 'github'],
        ['format', 'x'],
      ],
      out: '',
      err: '',
    });
  });

  it('ends the options at "--" and takes "-" as an operand', () => {
    const r = parse(['-', '--', '-q', '--format']);
    assert.deepStrictEqual([r.result, r.applied], [['-', '-q', '--format'], []]);
  });

  it('gives a string option at the end no value, and takes the next argument as a value even if it looks like an option', () => {
    assert.deepStrictEqual(parse(['--format']).applied, [['format', undefined]]);
    assert.deepStrictEqual(parse(['--format', '--quiet']).applied, [['format', '--quiet']]);
  });

  it('reports an unknown option, or a flag given a value, as given, in one line with exit 2', () => {
    for (const [argv, shown] of [
      [['--nope'], '--nope'],
      [['--nope=1', 'a.md'], '--nope=1'],
      [['--quiet=yes'], '--quiet=yes'],
      [['-qx'], '-qx'],
      [['-1'], '-1'],
      [['--constructor'], '--constructor'],
      [['--__proto__'], '--__proto__'],
      [['--help=1'], '--help=1'],
    ] as const) {
      const r = parse([...argv]);
      assert.deepStrictEqual([r.result, r.out, r.err], [2, '', `cmd: unknown option "${shown}" (see --help)\n`], argv.join(' '));
    }
  });

  it('stops at the first problem in argument order: help after a bad value is not printed', () => {
    assert.deepStrictEqual(parse(['--format', 'bad', '--help']), { result: 2, applied: [['format', 'bad']], out: '', err: '' });
    assert.deepStrictEqual(parse(['--nope', '--format', 'bad']).applied, []);
    assert.deepStrictEqual(parse(['-q', '-h', '--nope']), { result: 0, applied: [['quiet', undefined]], out: 'Usage: cmd\n', err: '' });
  });

  it('prints the version for -v / --version', () => {
    for (const v of ['-v', '--version']) assert.deepStrictEqual([parse([v]).result, parse([v]).out], [0, 'dev\n']);
  });
});
