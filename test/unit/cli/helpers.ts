/** What the CLI tests share: running a command in memory and writing a temporary file tree. */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

type Main = (argv: string[], io: { cwd: string; out: (s: string) => void; err: (s: string) => void }) => number;

/** A function that runs `main` with the arguments in `cwd` and returns its exit status and output. */
export function runner(main: Main): (args: string[], cwd: string) => { code: number; out: string; err: string } {
  return (args, cwd) => {
    let out = '';
    let err = '';
    const code = main(args, { cwd, out: (s) => (out += s), err: (s) => (err += s) });
    return { code, out, err };
  };
}

/** A new temporary folder (named `<prefix>XXXXXX`) holding the files, by relative path. */
export function tree(prefix: string, files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), text);
  }
  return dir;
}
