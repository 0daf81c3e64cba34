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

const REPO = path.join(__dirname, '..', '..', '..');

/** Bundles one CLI entry point (`src/cli/<tool>.ts`) to `outfile` the way esbuild.js does. */
export async function bundleCli(tool: string, outfile: string): Promise<void> {
  const esbuild = await import('esbuild');
  const pkg = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8')) as { version: string };
  await esbuild.build({
    entryPoints: [path.join(REPO, 'src', 'cli', `${tool}.ts`)],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    loader: { '.md': 'text' },
    define: { __VERSION__: JSON.stringify(pkg.version) },
    logLevel: 'error',
  });
}
