/**
 * Hostile input at the built CLI (dist/cli/handbook-lint.js, run as a child process): every case
 * ends with a clear finding or a one-line message, within seconds, and never prints a stack trace.
 *
 * Unreadable files: the tests run as root here, and chmod 000 does not stop root from reading.
 * So when we are root, the CLI runs as the unprivileged user `nobody` for the permission cases
 * (spawnSync's uid/gid), which makes chmod 000 honest; dangling symlinks and symlink loops are
 * other unreadable entries that need no privileges.
 */
import * as assert from 'assert';
import { spawnSync, type SpawnSyncReturns } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { bundleCli } from './helpers';

const REPO = path.join(__dirname, '..', '..', '..');
const CLI = path.join(REPO, 'dist', 'cli', 'handbook-lint.js');
/** Each run must finish well within this (the CLI is killed after it, and the test fails). */
const TIMEOUT_MS = 15_000;

/** Builds the CLI bundle the way esbuild.js does, unless it is newer than every source. */
async function ensureCli(): Promise<void> {
  const newest = (dir: string): number => {
    let t = 0;
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      t = Math.max(t, e.isDirectory() ? newest(p) : fs.statSync(p).mtimeMs);
    }
    return t;
  };
  const sources = Math.max(
    newest(path.join(REPO, 'src', 'core')),
    newest(path.join(REPO, 'src', 'cli')),
    newest(path.join(REPO, 'schemas')),
  );
  if (fs.existsSync(CLI) && fs.statSync(CLI).mtimeMs >= sources) return;
  await bundleCli('handbook-lint', CLI);
}

interface Run {
  status: number | null;
  out: string;
  err: string;
  ms: number;
}

/**
 * The CLI bundle where another user can read it: the checkout may sit under a folder only its
 * owner may enter (a mode-700 temp folder), which would hide the CLI itself from that user.
 */
function cliReadableBy(as?: { uid: number; gid: number }): string {
  if (!as) return CLI;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hb-cli-'));
  fs.chmodSync(dir, 0o755);
  const copy = path.join(dir, 'handbook-lint.js');
  fs.copyFileSync(CLI, copy);
  fs.chmodSync(copy, 0o644);
  return copy;
}

function lint(cwd: string, args: string[], as?: { uid: number; gid: number }): Run {
  const started = Date.now();
  const r: SpawnSyncReturns<string> = spawnSync(process.execPath, [cliReadableBy(as), ...args], {
    cwd,
    encoding: 'utf8',
    timeout: TIMEOUT_MS,
    maxBuffer: 256 * 1024 * 1024,
    env: { ...process.env, NO_COLOR: '1' },
    ...(as ?? {}),
  });
  const run = { status: r.status, out: r.stdout ?? '', err: r.stderr ?? '', ms: Date.now() - started };
  assert.notStrictEqual(r.status, null, `the CLI did not finish within ${TIMEOUT_MS} ms (signal ${r.signal}, error ${r.error?.message})`);
  assert.doesNotMatch(run.err + run.out, /^[ \t]+at .+[:(]\d+:\d+\)?$/m, `no stack trace:\n${run.err.slice(0, 2000)}`);
  assert.doesNotMatch(run.err, /internal error|Error:|Warning:/, run.err.slice(0, 2000));
  return run;
}

interface JsonFinding {
  file: string;
  line: number;
  code: string;
  message: string;
}
const json = (r: Run): JsonFinding[] => JSON.parse(r.out) as JsonFinding[];

let root: string;
function workspace(files: Record<string, string | Buffer>): string {
  const dir = fs.mkdtempSync(path.join(root, 'ws-'));
  for (const [rel, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), content);
  }
  return dir;
}

const HEAD = 'role: x\ntitle: X\ntype: manager\nresponsibilities: [a]\n';
const VALID = `---\n${HEAD}---\n# X\n`;
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

describe('hostile input: handbook-lint CLI', function () {
  this.timeout(120_000);

  before(async () => {
    await ensureCli();
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'hb-hostile-'));
    fs.chmodSync(root, 0o755); // `nobody` must reach the workspaces for the permission cases
  });

  after(() => {
    for (const f of walkAll(root)) {
      try {
        fs.chmodSync(f, 0o755);
      } catch {
        // dangling links and the like
      }
    }
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('CRLF pages with 40 and 4,000 lines of frontmatter without role: ignored within seconds (40 lines hung for ever)', () => {
    const page = (n: number) => ['---', ...Array.from({ length: n }, (_, i) => `key${i}: value ${i}`), '---', '# A page', ''].join('\r\n');
    const dir = workspace({ 'roles/ok.md': VALID, 'docs/jekyll.md': page(40), 'docs/hugo.md': page(4000) });
    const r = lint(dir, ['--format', 'json']);
    assert.strictEqual(r.status, 0, r.err);
    assert.deepStrictEqual(json(r), []);
    assert.ok(r.ms < TIMEOUT_MS / 2, `${r.ms} ms`);
  });

  it('an alias bomb: one yaml-syntax finding, exit 1', () => {
    const levels = ['a: &a [x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 15; i++)
      levels.push(
        `${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9)
          .fill(`*${String.fromCharCode(96 + i)}`)
          .join(', ')}]`,
      );
    const dir = workspace({ 'roles/bomb.md': `---\n${HEAD}x-bomb:\n${levels.map((l) => `  ${l}`).join('\n')}\n---\n` });
    const r = lint(dir, ['--format', 'json']);
    assert.strictEqual(r.status, 1);
    assert.deepStrictEqual(
      json(r).map((f) => [f.file, f.code]),
      [['roles/bomb.md', 'yaml-syntax']],
    );
    assert.match(json(r)[0].message, /Too many alias expansions/);
  });

  it('duplicate keys: a finding per later copy, exit 1', () => {
    const dir = workspace({ 'roles/dup.md': `---\n${HEAD}title: Again\n${'x-k: 1\n'.repeat(3000)}---\n` });
    const r = lint(dir, ['--format', 'json']);
    assert.strictEqual(r.status, 1);
    const found = json(r);
    assert.strictEqual(found.length, 3000);
    assert.ok(found.every((f) => f.code === 'yaml-syntax' && /Duplicate key/.test(f.message)));
    assert.strictEqual(found[0].line, 6);
  });

  it('a 5 MB body and a 2 MB body line: read, its links checked, exit by findings', () => {
    const lines = ['Words and [[X]] and `[[code]]` again, with more words to make a line of prose.'];
    for (let i = 1; i < 70_000; i++)
      lines.push(i % 100 ? 'Plain words, a `code span`, and more words to make a line of ordinary prose.' : 'See [[Nobody]].');
    const body = lines.join('\n') + '\n';
    assert.ok(body.length > 5_000_000, `${body.length} chars`);
    const dir = workspace({ 'roles/big.md': `---\n${HEAD}---\n${body}${'y'.repeat(2 * 1024 * 1024)}[[Nobody]]\n` });
    const r = lint(dir, ['--format', 'json']);
    assert.strictEqual(r.status, 0, 'unresolved links are warnings');
    const found = json(r);
    assert.strictEqual(found.length, 700, '699 in the body, one at the end of the long line');
    assert.ok(found.every((f) => f.code === 'unresolved-link'));
    assert.strictEqual(found[699].line, 7 + 70_000);
  });

  it('a 2 MB frontmatter line: refused as too large, exit 1', () => {
    const dir = workspace({ 'roles/line.md': `---\n${HEAD}summary: ${'s'.repeat(2 * 1024 * 1024)}\n---\n` });
    const r = lint(dir, ['--format', 'json']);
    assert.strictEqual(r.status, 1);
    assert.deepStrictEqual(
      json(r).map((f) => f.code),
      ['yaml-syntax'],
    );
    assert.match(json(r)[0].message, /frontmatter longer than 256 KB is not read/);
  });

  it('random bytes: a role file without frontmatter, exit 1', () => {
    let seed = 42;
    const bytes = Buffer.alloc(1024 * 1024);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (seed = (seed * 1103515245 + 12345) & 0x7fffffff) & 0xff;
    const dir = workspace({ 'roles/noise.md': bytes, 'notes/noise.md': bytes });
    const r = lint(dir, ['--format', 'json']);
    assert.strictEqual(r.status, 1);
    assert.deepStrictEqual(
      json(r).map((f) => [f.file, f.code]),
      [['roles/noise.md', 'frontmatter-missing']],
    );
  });

  it('20,000-deep nesting: "nested too deeply", exit 1', () => {
    const dir = workspace({
      'roles/flow.md': `---\n${HEAD.replace('x', 'flow').replace('X', 'Flow')}x-deep: ${'['.repeat(20000)}${']'.repeat(20000)}\n---\n`,
      'roles/block.md': `---\n${HEAD.replace('x', 'block').replace('X', 'Block')}x-deep:\n  ${'- '.repeat(20000)}1\n---\n`,
    });
    const r = lint(dir, ['--format', 'json']);
    assert.strictEqual(r.status, 1);
    const found = json(r);
    assert.deepStrictEqual([...new Set(found.map((f) => f.file))], ['roles/block.md', 'roles/flow.md']);
    assert.deepStrictEqual(
      [...new Set(found.map((f) => `${f.code}: ${f.message}`))],
      ['yaml-syntax: The frontmatter is nested too deeply to be read.'],
    );
  });

  it('invalid UTF-8: read with U+FFFD, a one-line note on stderr, findings as usual', () => {
    const bad = Buffer.concat([
      Buffer.from(`---\n${HEAD}summary: caf`),
      Buffer.from([0xc3, 0x28, 0xff, 0xfe]),
      Buffer.from('\n---\nSee [[Nobody]].\n'),
    ]);
    const dir = workspace({ 'roles/latin.md': bad });
    const r = lint(dir, ['--format', 'json']);
    assert.strictEqual(r.status, 0);
    assert.deepStrictEqual(
      json(r).map((f) => f.code),
      ['unresolved-link'],
    );
    assert.match(r.err, /^handbook-lint: roles\/latin\.md is not valid UTF-8: invalid bytes were read as U\+FFFD\n$/);
  });

  it('a role file that is a directory: walked as a folder; named, with no Markdown inside: exit 2', () => {
    const dir = workspace({ 'roles/ok.md': VALID, 'roles/folder.md/readme.txt': 'not markdown' });
    const all = lint(dir, ['--format', 'json']);
    assert.strictEqual(all.status, 0, all.err);
    assert.deepStrictEqual(json(all), []);
    const named = lint(dir, ['roles/folder.md']);
    assert.strictEqual(named.status, 2);
    assert.match(named.err, /^handbook-lint: no Markdown files in "roles\/folder\.md"\n$/);
  });

  it('a FIFO or a device named as a role file: refused at once, never read (it would block)', () => {
    const dir = workspace({ 'roles/ok.md': VALID });
    const fifo = path.join(dir, 'roles', 'pipe.md');
    const made = spawnSync('mkfifo', [fifo]);
    if (made.status === 0) {
      const walked = lint(dir, ['--format', 'json']);
      assert.strictEqual(walked.status, 0, 'a FIFO found by the walk is not a file: ignored');
      const named = lint(dir, ['roles/pipe.md']);
      assert.strictEqual(named.status, 2);
      assert.match(named.err, /^handbook-lint: cannot read "roles\/pipe\.md": not a regular file\n$/);
    }
    const device = lint(dir, ['/dev/zero']);
    assert.strictEqual(device.status, 2);
    assert.match(device.err, /^handbook-lint: cannot read "\/dev\/zero": not a regular file\n$/);
  });

  it('unreadable files and folders (chmod 000, as an unprivileged user): findings printed, a message each, exit 2', function () {
    const dir = workspace({
      'roles/ok.md': VALID,
      'roles/secret.md': VALID.replace('role: x', 'role: secret'),
      'roles/locked/a.md': VALID,
    });
    fs.chmodSync(dir, 0o755);
    fs.chmodSync(path.join(dir, 'roles'), 0o755);
    fs.chmodSync(path.join(dir, 'roles', 'secret.md'), 0o000);
    fs.chmodSync(path.join(dir, 'roles', 'locked'), 0o000);
    const as = isRoot ? { uid: 65534, gid: 65534 } : undefined;
    const walked = lint(dir, ['--format', 'json'], as);
    assert.strictEqual(walked.status, 2, 'exit 0 would let CI pass a handbook it could not read');
    assert.deepStrictEqual(json(walked), []);
    assert.strictEqual(
      walked.err,
      'handbook-lint: skipped roles/locked: permission denied\nhandbook-lint: skipped roles/secret.md: permission denied\nhandbook-lint: 2 files or folders could not be read (see above)\n',
    );
    const named = lint(dir, ['roles/secret.md'], as);
    assert.strictEqual(named.status, 2);
    assert.match(
      named.err,
      /\nhandbook-lint: cannot read "roles\/secret\.md": permission denied\n$/,
      'after the walk\'s own "skipped" line',
    );
  });

  it('a dangling symlink: skipped with a message, or exit 2 when named', () => {
    const dir = workspace({ 'roles/ok.md': VALID });
    fs.symlinkSync(path.join(dir, 'gone.md'), path.join(dir, 'roles', 'dangling.md'));
    const walked = lint(dir, ['--format', 'json']);
    assert.strictEqual(walked.status, 0);
    assert.strictEqual(walked.err, 'handbook-lint: skipped roles/dangling.md: no such file or directory\n');
    const named = lint(dir, ['roles/dangling.md']);
    assert.strictEqual(named.status, 2);
    assert.match(
      named.err,
      /\nhandbook-lint: cannot read "roles\/dangling\.md": no such file or directory\n$/,
      'after the walk\'s own "skipped" line',
    );
  });

  it('symlink loops in the workspace: directory loops are not followed, file loops are skipped with a message', () => {
    const dir = workspace({ 'roles/ok.md': VALID });
    fs.symlinkSync('..', path.join(dir, 'roles', 'up'));
    fs.symlinkSync('.', path.join(dir, 'roles', 'here.md'));
    fs.symlinkSync('b.md', path.join(dir, 'roles', 'a.md'));
    fs.symlinkSync('a.md', path.join(dir, 'roles', 'b.md'));
    const r = lint(dir, ['--format', 'json']);
    assert.strictEqual(r.status, 0, r.err);
    assert.deepStrictEqual(json(r), []);
    assert.deepStrictEqual(r.err.split('\n').sort(), [
      '',
      ...['a.md', 'b.md'].map((f) => `handbook-lint: skipped roles/${f}: a loop of symbolic links`),
    ]);
    const named = lint(dir, ['roles/a.md']);
    assert.strictEqual(named.status, 2);
    assert.match(named.err, /\nhandbook-lint: cannot read "roles\/a\.md": a loop of symbolic links\n$/);
  });

  it('injection: a title, key or file name with a line break and ::error, ESC or BEL starts no line and drives no terminal', () => {
    const evil = `---\nrole: evil\ntitle: "Evil\\n::error file=x.md,line=1::forged\\u001b]0;pwned\\u0007\\u001b[2J"\ntype: manager\nresponsibilities: [a]\n"x\\nbad\\u001b[31m": 1\nbogus: 1\n---\nSee [[Nobody\u0007]].\n`;
    const dir = workspace({
      'roles/evil.md': evil,
      'roles/twin.md': `---\nrole: twin\ntitle: Twin\naliases: [evil]\ntype: manager\nresponsibilities: [a]\n---\n`,
    });
    fs.symlinkSync(path.join(dir, 'gone'), path.join(dir, 'roles', 'a\n::error file=y::forged\u001b[2J.md'));
    const assertInert = (text: string, what: string) => {
      assert.doesNotMatch(text, /^[ \t]*::/m, `${what}: a line starts a workflow command:\n${text}`);
      assert.doesNotMatch(text, /[\u0007\u001b\u009b]/, `${what}: a raw control character`);
    };
    const stylish = lint(dir, []);
    assert.strictEqual(stylish.status, 1);
    assertInert(stylish.out, 'stylish');
    assertInert(stylish.err, 'stderr');
    assert.match(stylish.out, /Unknown key "bogus"/);
    assert.match(stylish.out, /Evil ::error file=x\.md,line=1::forged\\x1B\]0;pwned\\x07\\x1B\[2J/);
    assert.match(stylish.err, /^handbook-lint: skipped roles\/a ::error file=y::forged\\x1B\[2J\.md: no such file or directory\n/);
    const github = lint(dir, ['--format', 'github']);
    assert.strictEqual(
      github.out.split('\n').filter((l) => l.startsWith('::')).length,
      github.out.trim().split('\n').length,
      'one annotation per line, nothing else',
    );
    assert.doesNotMatch(github.out, /[\u0007\u001b]/);
    for (const report of [
      ['--report', 'overlaps', '--format', 'markdown'],
      ['--report', 'org'],
      ['--report', 'ladder', '--format', 'markdown'],
    ]) {
      assertInert(lint(dir, report).out, report.join(' '));
    }
    const exact = json(lint(dir, ['--format', 'json']));
    assert.ok(
      exact.some((f) => f.message.includes('Evil\n::error file=x.md,line=1::forged\u001b]0;pwned\u0007\u001b[2J')),
      'JSON keeps the exact text',
    );
  });

  it('SARIF: # and ? in a file name are percent-encoded in artifactLocation.uri (SARIF1002)', () => {
    const dir = workspace({ 'roles/a#b?c d.md': `---\n${HEAD}bogus: 1\n---\n` });
    const r = lint(dir, ['--format', 'sarif']);
    const sarif = JSON.parse(r.out) as {
      runs: { results: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[];
    };
    assert.strictEqual(sarif.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri, 'roles/a%23b%3Fc%20d.md');
  });

  it('a symbolic link out of the handbook is not followed, and what it points at is never echoed', () => {
    const outside = workspace({
      'secret.md': '---\nrole: secret\ntitle: S\ntype: manager\nresponsibilities: [a]\npassword: hunter2\n---\n',
    });
    const dir = workspace({ 'roles/ok.md': VALID });
    fs.symlinkSync(path.join(outside, 'secret.md'), path.join(dir, 'roles', 'leak.md'));
    fs.symlinkSync('ok.md', path.join(dir, 'roles', 'inside.md'));
    const r = lint(dir, ['--format', 'json']);
    assert.strictEqual(r.status, 1, 'the link inside the handbook is followed: a duplicate of ok.md');
    assert.deepStrictEqual(
      [...new Set(json(r).map((f) => `${f.file}: ${f.code}`))],
      ['roles/inside.md: duplicate-role', 'roles/ok.md: duplicate-role'],
    );
    assert.strictEqual(r.err, 'handbook-lint: skipped roles/leak.md: a symbolic link out of the folder: not followed\n');
    assert.doesNotMatch(r.out + r.err, /hunter2|password/);
  });

  it('globs outside the current directory, and paths holding [1], are found', () => {
    const dir = workspace({
      'proj[1]/roles/ok.md': VALID,
      'proj[1]/roles/ops[1].md': `---\n${HEAD.replace('x', 'ops').replace('X', 'Ops')}bogus: 1\n---\n`,
      'proj[1]/sub/readme.md': '# x\n',
    });
    const sub = path.join(dir, 'proj[1]', 'sub');
    const up = lint(sub, ['--format', 'json', '../roles/*.md']);
    assert.deepStrictEqual(
      json(up).map((f) => `${f.file}: ${f.code}`),
      ['../roles/ops[1].md: schema'],
    );
    const named = lint(path.join(dir, 'proj[1]'), ['--format', 'json', 'roles/ops[1].md']);
    assert.deepStrictEqual(
      json(named).map((f) => `${f.file}: ${f.code}`),
      ['roles/ops[1].md: schema'],
    );
    const absolute = lint(dir, ['--format', 'json', path.join(dir, 'proj[1]', 'roles', '*.md')]);
    assert.deepStrictEqual(
      json(absolute).map((f) => f.code),
      ['schema'],
    );
  });

  it('EPIPE (| head -c1), a full disk (> /dev/full) and a deleted current directory: one line, no stack trace', () => {
    const dir = workspace({
      'roles/bad.md': `---\n${HEAD}${'bogus: 1\n'.repeat(1)}${Array.from({ length: 3000 }, (_, i) => `x${i}bogus: 1`)
        .join('\n')
        .replace(/x(\d+)bogus/g, 'bogus$1')}\n---\n`,
    });
    const sh = (script: string) =>
      spawnSync('bash', ['-c', script], { cwd: dir, encoding: 'utf8', timeout: TIMEOUT_MS, env: { ...process.env, CLI } });
    const pipe = sh('node "$CLI" 2>err.txt | head -c1 >/dev/null; echo "${PIPESTATUS[0]}"');
    assert.strictEqual(fs.readFileSync(path.join(dir, 'err.txt'), 'utf8'), '');
    assert.strictEqual(pipe.stdout.trim(), '1', 'the status so far (errors found), no crash');
    const full = sh('node "$CLI" >/dev/full; echo "status $?"');
    assert.strictEqual(full.stderr, 'handbook-lint: cannot write the output: ENOSPC\n');
    assert.strictEqual(full.stdout, 'status 2\n');
    fs.mkdirSync(path.join(dir, 'gone'));
    const gone = sh('cd gone && rmdir ../gone && node "$CLI"; echo "status $?"');
    assert.strictEqual(gone.stderr, 'handbook-lint: the current directory no longer exists\n');
    assert.strictEqual(gone.stdout, 'status 2\n');
  });

  it('a UTF-16 role file is read as UTF-16 with a note (it was reported as frontmatter-missing)', () => {
    const text = `---\n${HEAD}bogus: 1\n---\n`;
    const dir = workspace({
      'roles/le.md': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]),
      'roles/be.md': Buffer.from(text.replace('role: x', 'role: y').replace('title: X', 'title: Y'), 'utf16le').swap16(),
    });
    const r = lint(dir, ['--format', 'json']);
    assert.deepStrictEqual(
      json(r).map((f) => `${f.file}:${f.line}: ${f.code}`),
      ['roles/be.md:6: schema', 'roles/le.md:6: schema'],
    );
    assert.strictEqual(
      r.err,
      'handbook-lint: roles/be.md is UTF-16BE, not UTF-8: read as UTF-16BE (save it as UTF-8)\nhandbook-lint: roles/le.md is UTF-16LE, not UTF-8: read as UTF-16LE (save it as UTF-8)\n',
    );
  });

  it('an alias that names no anchor: said so, on the alias (it was "too many alias expansions")', () => {
    const dir = workspace({ 'roles/alias.md': `---\n${HEAD}x-a: *nope\n---\n` });
    const r = lint(dir, ['--format', 'json']);
    assert.deepStrictEqual(
      json(r).map((f) => [f.line, f.code, f.message]),
      [[6, 'yaml-syntax', 'The alias "*nope" names no anchor set before it: define "&nope" first.']],
    );
  });

  it('a 40 MB Markdown file that is not a role file is not read past 64 KB; a role file over 16 MB is refused, exit 2', () => {
    const big = Buffer.alloc(40 * 1024 * 1024, 'words and more words\n');
    const dir = workspace({ 'docs/huge.md': big, 'roles/ok.md': VALID });
    const r = lint(dir, ['--format', 'json']);
    assert.strictEqual(r.status, 0, r.err);
    assert.strictEqual(r.err, '');
    fs.writeFileSync(path.join(dir, 'roles', 'huge.md'), Buffer.concat([Buffer.from(VALID), Buffer.alloc(17 * 1024 * 1024, 'x\n')]));
    const refused = lint(dir, ['--format', 'json']);
    assert.strictEqual(refused.status, 2);
    assert.strictEqual(
      refused.err,
      'handbook-lint: skipped roles/huge.md: larger than 16 MB: not read\nhandbook-lint: 1 file or folder could not be read (see above)\n',
    );
  });
});

function walkAll(dir: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    out.push(p);
    if (e.isDirectory()) out.push(...walkAll(p));
  }
  return out;
}
