/**
 * The workspace scan and file events of src/extension/handbookWorkspace.ts, on a fake `vscode`
 * (fakeVscode.ts) that counts what costs: findFiles, readFile, stat.
 */
import * as fake from './fakeVscode';
import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type * as vscode from 'vscode';
import {
  HandbookWorkspace,
  HEAD_BYTES,
  READ_CONCURRENCY,
  type FileLister,
  type FileReader,
} from '../../../src/extension/handbookWorkspace';
import { MAX_ROLE_FILE_BYTES } from '../../../src/core/roleFiles';
import { nodeFileReader } from '../../../src/extension/util/nodeFileReader';
import { nodeMarkdownLister } from '../../../src/extension/util/nodeMarkdownLister';

const log = { info: () => undefined, warn: () => undefined, error: () => undefined } as unknown as vscode.LogOutputChannel;
const uri = (rel: string) => fake.Uri.file(`${fake.ROOT}/${rel}`) as unknown as vscode.Uri;
const role = (id: string) => `---\nrole: ${id}\ntitle: ${id}\n---\nBody.\n`;
/** A Jekyll-like page: CRLF, 40 lines of frontmatter, no role key. */
const jekyll = (n: number) => `---\r\n${Array.from({ length: 40 }, (_, i) => `key${i}: value ${n}`).join('\r\n')}\r\n---\r\nText.\r\n`;

/** The next change the workspace reports. */
function changed(ws: HandbookWorkspace): Promise<ReadonlySet<string>> {
  return new Promise((resolve) => {
    const d = ws.onDidChange((e) => {
      d.dispose();
      resolve(e.affected);
    });
  });
}

/** The fake's watcher for every file (`**` + `/*`: the one that reports created folders and files). */
const anyFileWatcher = () => fake.events.watchers.find((w) => w.glob === '**/*')!;
const markdownWatcher = () => fake.events.watchers.find((w) => w.glob !== '**/*')!;

/** Timers the code under test has started and neither cleared nor seen fire. */
function trackTimers(): { live: Set<unknown>; restore(): void } {
  const live = new Set<unknown>();
  const [set, clear] = [globalThis.setTimeout, globalThis.clearTimeout];
  globalThis.setTimeout = ((fn: () => void, ms?: number) => {
    const handle: unknown = set(() => {
      live.delete(handle);
      fn();
    }, ms);
    live.add(handle);
    return handle;
  }) as typeof setTimeout;
  globalThis.clearTimeout = (handle: Parameters<typeof clearTimeout>[0]) => {
    live.delete(handle);
    clear(handle);
  };
  return { live, restore: () => ([globalThis.setTimeout, globalThis.clearTimeout] = [set, clear]) };
}

describe('extension: the workspace scan (handbookWorkspace.ts)', () => {
  let ws: HandbookWorkspace | undefined;
  beforeEach(() => fake.reset());
  afterEach(() => ws?.dispose());

  it('asking for `ready` while features register starts no scan; start() runs one, reading each file once', async () => {
    for (let i = 0; i < 40; i++) fake.files.set(`roles/r${i}.md`, role(`r-${i}`));
    for (let i = 0; i < 60; i++) fake.files.set(`notes/n${i}.md`, jekyll(i));
    ws = new HandbookWorkspace(log);
    // What rolesTree, the responsibility map and Find Role do while they register (inside activate()).
    const asked = [ws.ready, ws.ready, ws.ready];
    assert.strictEqual(fake.calls.findFiles, 0, 'no scan inside activate()');
    void ws.start(); // what activate() does last
    void ws.start();
    await Promise.all(asked);
    await ws.ready;
    assert.strictEqual(fake.calls.findFiles, 1);
    assert.strictEqual(fake.calls.reads.length, 100);
    assert.strictEqual(new Set(fake.calls.reads).size, 100, 'every Markdown file read once');
    assert.strictEqual(ws.workspaceRoleFiles, 40);
    assert.deepStrictEqual(ws.pending, { operations: 0, timers: 0 }, 'nothing left per file after the scan');
  });

  it('a refresh() after the initial scan scans again (the command), once', async () => {
    fake.files.set('roles/a.md', role('a'));
    ws = new HandbookWorkspace(log);
    await ws.start();
    await ws.refresh();
    assert.strictEqual(fake.calls.findFiles, 2);
    assert.deepStrictEqual(fake.calls.reads, ['roles/a.md', 'roles/a.md']);
  });

  it('files that are not Markdown are neither read nor indexed, even with a role frontmatter', async () => {
    fake.files.set('roles/a.md', role('a'));
    ws = new HandbookWorkspace(log);
    await ws.start();
    fake.calls.reads = [];
    fake.files.set('out/data.yml', role('data'));
    fake.files.set('roles/blob.bin', role('blob'));
    fake.files.set('roles/b.md', role('b'));
    const seen = changed(ws);
    for (const f of ['out/data.yml', 'roles/blob.bin', 'roles/b.md']) anyFileWatcher().create.fire(fake.Uri.file(`${fake.ROOT}/${f}`));
    markdownWatcher().create.fire(fake.Uri.file(`${fake.ROOT}/roles/b.md`));
    await seen;
    assert.deepStrictEqual(fake.calls.reads, ['roles/b.md']);
    assert.deepStrictEqual(ws.index.uris().sort(), [uri('roles/a.md').toString(), uri('roles/b.md').toString()]);
    // A role file renamed to .yml leaves the index; nothing is read for it.
    fake.files.set('roles/b.yml', role('b'));
    fake.files.delete('roles/b.md');
    const gone = changed(ws);
    fake.events.renameFiles.fire({
      files: [{ oldUri: fake.Uri.file(`${fake.ROOT}/roles/b.md`), newUri: fake.Uri.file(`${fake.ROOT}/roles/b.yml`) }],
    });
    await gone;
    await new Promise((r) => setImmediate(r)); // (the rename's stat of the new name answers on a later task)
    assert.deepStrictEqual(fake.calls.reads, ['roles/b.md']);
    assert.deepStrictEqual(ws.index.uris(), [uri('roles/a.md').toString()]);
  });

  it('a Markdown file that is not a role file is read only as far as its first 64 KB (direct reader)', async () => {
    const big = `---\nlayout: post\n---\n${'prose '.repeat(200_000)}`; // 1.2 MB, not a role
    const bigRole = `---\nrole: big\ntitle: Big\n---\n${'prose '.repeat(200_000)}[[at-the-end]]\n`;
    fake.files.set('notes/big.md', big);
    fake.files.set('notes/big-role.md', bigRole);
    fake.files.set('roles/glob.md', 'no frontmatter at all');
    const asked: { file: string; limit: number | undefined }[] = [];
    const reader: FileReader = async (u, limit) => {
      const text = fake.files.get(u.path.slice(fake.ROOT.length + 1))!;
      asked.push({ file: u.path.slice(fake.ROOT.length + 1), limit });
      const bytes = new TextEncoder().encode(text);
      return limit === undefined ? { bytes, whole: true } : { bytes: bytes.subarray(0, limit), whole: bytes.length <= limit };
    };
    ws = new HandbookWorkspace(log, { read: reader });
    await ws.start();
    assert.deepStrictEqual(fake.calls.reads, [], 'workspace.fs not used where the host reads directly');
    assert.deepStrictEqual(
      asked.sort((a, b) => a.file.localeCompare(b.file) || (a.limit ?? Infinity) - (b.limit ?? Infinity)),
      [
        { file: 'notes/big-role.md', limit: HEAD_BYTES },
        { file: 'notes/big-role.md', limit: MAX_ROLE_FILE_BYTES }, // may be a role file: read whole (up to the cap)
        { file: 'notes/big.md', limit: HEAD_BYTES },
        { file: 'roles/glob.md', limit: MAX_ROLE_FILE_BYTES }, // matched by the role-file globs: read whole
      ],
    );
    assert.deepStrictEqual(ws.index.uris().sort(), [uri('notes/big-role.md').toString(), uri('roles/glob.md').toString()]);
    // The role file was read to its end: its last line's link is there.
    assert.deepStrictEqual(
      ws.index.get(uri('notes/big-role.md').toString())?.links.map((l) => l.target),
      ['at-the-end'],
    );
  });

  it('without a direct reader (browser host) a large non-role file is read but not decoded nor indexed', async () => {
    fake.files.set('notes/big.md', `---\r\nlayout: post\r\n---\r\n${'x'.repeat(HEAD_BYTES * 3)}`);
    ws = new HandbookWorkspace(log);
    await ws.start();
    assert.deepStrictEqual(fake.calls.reads, ['notes/big.md']);
    assert.strictEqual(ws.workspaceRoleFiles, 0);
    assert.ok(!ws.index.has(uri('notes/big.md').toString()));
  });

  it('the initial scan reports what it found in one change event, at its end', async () => {
    for (let i = 0; i < 200; i++) fake.files.set(`roles/r${i}.md`, role(`r-${i}`));
    for (let i = 0; i < 300; i++) fake.files.set(`notes/n${i}.md`, jekyll(i));
    // A role that links to others, and an open (unsaved) role document: still one event.
    fake.files.set('roles/hub.md', `${role('hub')}[[r-0]] [[r-199]] [[missing]]\n`);
    const doc = {
      uri: uri('roles/open.md'),
      languageId: 'markdown',
      isDirty: true,
      isClosed: false,
      getText: () => role('open'),
    };
    fake.workspace.textDocuments = [doc];
    try {
      ws = new HandbookWorkspace(log);
      const events: number[] = [];
      ws.onDidChange((e) => events.push(e.affected.size));
      await ws.start();
      assert.deepStrictEqual(events, [202], 'one event naming every role file found (200 + hub + the open one)');
      assert.strictEqual(ws.workspaceRoleFiles, 202);
      // Nothing is left to report later either.
      await new Promise((r) => setTimeout(r, 50));
      assert.deepStrictEqual(events, [202]);
    } finally {
      fake.workspace.textDocuments = [];
    }
  });

  it(`a scan reads at most ${READ_CONCURRENCY} files at once, starting the next as soon as one ends`, async () => {
    for (let i = 0; i < 100; i++) fake.files.set(`notes/n${i}.md`, jekyll(i));
    for (let i = 0; i < 20; i++) fake.files.set(`roles/r${i}.md`, role(`r-${i}`));
    let inFlight = 0;
    let most = 0;
    const started: string[] = [];
    const gates: (() => void)[] = [];
    const reader: FileReader = async (u, limit) => {
      started.push(u.path);
      inFlight++;
      most = Math.max(most, inFlight);
      // The first file is slow: the others must not wait for it (no batch barrier).
      await new Promise<void>((r) => (u.path.endsWith('/notes/n0.md') ? gates.push(r) : setImmediate(r)));
      inFlight--;
      const bytes = new TextEncoder().encode(fake.files.get(u.path.slice(fake.ROOT.length + 1)));
      return { bytes: bytes.subarray(0, limit), whole: limit === undefined || bytes.length <= limit };
    };
    ws = new HandbookWorkspace(log, { read: reader });
    const done = ws.start();
    // Wait until every other file has been read while the first one still hangs.
    // (One read per file: the notes' heads, the role files whole.)
    for (let k = 0; k < 10_000 && started.length < 120; k++) await new Promise((r) => setImmediate(r));
    assert.strictEqual(started.length, 120, 'every other file read while the first one hangs');
    assert.strictEqual(gates.length, 1);
    gates[0]();
    await done;
    assert.strictEqual(most, READ_CONCURRENCY);
    assert.strictEqual(ws.workspaceRoleFiles, 20);
  });

  it(`a role file over ${MAX_ROLE_FILE_BYTES / 1024 / 1024} MB is not indexed, with one line in the log (Node reader)`, async () => {
    const warnings: string[] = [];
    const logging = { ...log, warn: (m: string) => warnings.push(m) } as unknown as vscode.LogOutputChannel;
    fake.files.set('roles/small.md', role('small'));
    fake.files.set('roles/huge.md', role('huge'));
    fake.files.set('notes/huge-role.md', role('huge-role'));
    // Sizes as the reader sees them: the two huge files are 1 byte over the limit.
    const sizes = new Map([
      ['roles/huge.md', MAX_ROLE_FILE_BYTES + 1],
      ['notes/huge-role.md', MAX_ROLE_FILE_BYTES + 1],
    ]);
    const asked: (number | undefined)[] = [];
    const reader: FileReader = async (u, limit) => {
      const rel = u.path.slice(fake.ROOT.length + 1);
      asked.push(limit);
      const bytes = new TextEncoder().encode(fake.files.get(rel));
      const size = sizes.get(rel) ?? bytes.length;
      return { bytes: bytes.subarray(0, limit), whole: limit === undefined || size <= limit };
    };
    ws = new HandbookWorkspace(logging, { read: reader });
    await ws.start();
    assert.deepStrictEqual(ws.index.uris(), [uri('roles/small.md').toString()]);
    assert.ok(!asked.includes(undefined), 'no read without a limit');
    assert.deepStrictEqual(warnings.sort(), [
      `Not indexed: ${uri('notes/huge-role.md').toString()}: larger than 16 MB, the largest role file read`,
      `Not indexed: ${uri('roles/huge.md').toString()}: larger than 16 MB, the largest role file read`,
    ]);
    // An indexed role file that grows past the limit leaves the index (its change is reported).
    sizes.set('roles/small.md', MAX_ROLE_FILE_BYTES + 1);
    const gone = changed(ws);
    markdownWatcher().change.fire(fake.Uri.file(`${fake.ROOT}/roles/small.md`));
    assert.ok((await gone).has(uri('roles/small.md').toString()));
    assert.ok(!ws.index.has(uri('roles/small.md').toString()));
    assert.strictEqual(ws.workspaceRoleFiles, 0);
    assert.strictEqual(warnings.length, 3);
  });

  it('without a direct reader (browser host) a role file over the limit is read by workspace.fs but not indexed', async () => {
    const warnings: string[] = [];
    const logging = { ...log, warn: (m: string) => warnings.push(m) } as unknown as vscode.LogOutputChannel;
    const head = role('huge');
    fake.files.set('roles/huge.md', head + 'x'.repeat(MAX_ROLE_FILE_BYTES + 1 - head.length));
    fake.files.set('roles/limit.md', head + 'x'.repeat(MAX_ROLE_FILE_BYTES - head.length)); // exactly 16 MB: read
    ws = new HandbookWorkspace(logging);
    await ws.start();
    assert.deepStrictEqual(ws.index.uris(), [uri('roles/limit.md').toString()]);
    assert.deepStrictEqual(warnings, [`Not indexed: ${uri('roles/huge.md').toString()}: larger than 16 MB, the largest role file read`]);
  });

  it('with a local listing (Node host) reading starts before findFiles answers, and findFiles has the last word', async () => {
    fake.files.set('roles/a.md', role('a'));
    fake.files.set('roles/b.md', `${role('b')}[[a]] [[late]]\n`);
    fake.files.set('notes/n.md', jekyll(1));
    fake.files.set('excluded/x.md', role('x')); // listed, but findFiles leaves it out (files.exclude)
    fake.files.set('roles/late.md', role('late')); // findFiles lists it, the listing missed it (a symbolic link)
    fake.findFilesOptions.excluded.add('excluded/x.md');
    let open!: () => void;
    fake.findFilesOptions.gate = new Promise<void>((r) => (open = r));
    const reads: string[] = [];
    const reader: FileReader = async (u, limit) => {
      const rel = u.path.slice(fake.ROOT.length + 1);
      reads.push(rel);
      const bytes = new TextEncoder().encode(fake.files.get(rel));
      return { bytes: bytes.subarray(0, limit), whole: limit === undefined || bytes.length <= limit };
    };
    const listed: string[] = [];
    const list: FileLister = async (folder) => {
      listed.push(folder.toString());
      return ['roles/a.md', 'roles/b.md', 'notes/n.md', 'excluded/x.md'].map((f) => uri(f));
    };
    ws = new HandbookWorkspace(log, { read: reader, list });
    const events: ReadonlySet<string>[] = [];
    ws.onDidChange((e) => events.push(e.affected));
    const done = ws.start();
    for (let k = 0; k < 1000 && reads.length < 4; k++) await new Promise((r) => setImmediate(r));
    assert.deepStrictEqual(reads.sort(), ['excluded/x.md', 'notes/n.md', 'roles/a.md', 'roles/b.md'], 'read while findFiles waits');
    assert.deepStrictEqual(events, [], 'nothing reported before findFiles answered');
    open();
    await done;
    assert.deepStrictEqual(listed, [`file://${fake.ROOT}`]);
    assert.deepStrictEqual(
      ws.index.uris().sort(),
      ['roles/a.md', 'roles/b.md', 'roles/late.md'].map((f) => uri(f).toString()),
    );
    assert.deepStrictEqual(
      reads.sort(),
      ['excluded/x.md', 'notes/n.md', 'roles/a.md', 'roles/b.md', 'roles/late.md'],
      'each file read once',
    );
    assert.strictEqual(events.length, 1, 'one change event');
    // b's link to `late` resolves: its cross-file findings were worked out with every file in.
    assert.ok(!ws.index.findings(uri('roles/b.md').toString()).some((f) => f.code === 'unresolved-link'));
  });

  it('keeps no entry per file once its operations end, and leaves no timer behind', async () => {
    const timers = trackTimers();
    try {
      ws = new HandbookWorkspace(log);
      await ws.start();
      // An empty file reported twice (a writer that has not written yet): each read sets the
      // settle timer; the second must replace the first, not leave it running.
      fake.files.set('roles/empty.md', '');
      const empty = fake.Uri.file(`${fake.ROOT}/roles/empty.md`);
      for (let i = 0; i < 2; i++) {
        const seen = changed(ws);
        markdownWatcher().create.fire(empty);
        await seen;
      }
      assert.deepStrictEqual(ws.pending, { operations: 0, timers: 1 });
      // Many files come and go: nothing stays behind for them.
      for (let i = 0; i < 50; i++) fake.files.set(`roles/x${i}.md`, role(`x-${i}`));
      const added = changed(ws);
      for (let i = 0; i < 50; i++) markdownWatcher().create.fire(fake.Uri.file(`${fake.ROOT}/roles/x${i}.md`));
      await added;
      for (let i = 0; i < 50; i++) markdownWatcher().delete.fire(fake.Uri.file(`${fake.ROOT}/roles/x${i}.md`));
      assert.deepStrictEqual(ws.pending, { operations: 0, timers: 1 });
      ws.dispose();
      assert.strictEqual(timers.live.size, 0, 'every timer cleared by dispose()');
    } finally {
      timers.restore();
    }
  });
});

describe('extension: the Node host reads files directly (nodeFileReader.ts)', () => {
  let dir: string;
  before(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'handbook-reader-'))));
  after(() => fs.rmSync(dir, { recursive: true, force: true }));
  const file = (name: string) => fake.Uri.file(path.join(dir, name)) as unknown as vscode.Uri;

  it('reads at most the bytes asked for, and says whether that was all', async () => {
    fs.writeFileSync(path.join(dir, 'big.md'), 'a'.repeat(200_000));
    fs.writeFileSync(path.join(dir, 'small.md'), 'small');
    const head = await nodeFileReader(file('big.md'), HEAD_BYTES);
    assert.strictEqual(head?.bytes.length, HEAD_BYTES);
    assert.strictEqual(head?.whole, false);
    const all = await nodeFileReader(file('big.md'));
    assert.strictEqual(all?.bytes.length, 200_000);
    const small = await nodeFileReader(file('small.md'), HEAD_BYTES);
    assert.deepStrictEqual([Buffer.from(small!.bytes).toString(), small?.whole], ['small', true]);
  });

  it('refuses a FIFO named .md at once instead of blocking', async function () {
    execFileSync('mkfifo', [path.join(dir, 'pipe.md')]);
    await assert.rejects(nodeFileReader(file('pipe.md'), HEAD_BYTES), /not a regular file/);
  });

  it('leaves other schemes to workspace.fs', async () => {
    assert.strictEqual(await nodeFileReader(fake.Uri.parse('vscode-vfs:/x.md') as unknown as vscode.Uri), undefined);
  });
});

describe('extension: the Node host lists a folder’s Markdown files directly (nodeMarkdownLister.ts)', () => {
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'handbook-lister-'));
    const put = (rel: string, text = 'x') => {
      fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
      fs.writeFileSync(path.join(dir, rel), text);
    };
    for (const f of [
      'a.md',
      'docs/b.markdown',
      'docs/c.txt',
      'docs/deep/d.md',
      '.hidden.md',
      'node_modules/x/x.md',
      '.git/y.md',
      'sub/.dot/z.md',
    ])
      put(f);
    fs.mkdirSync(path.join(dir, 'sub', 'dir.md'));
    fs.symlinkSync(path.join(dir, 'a.md'), path.join(dir, 'link.md'));
    fs.symlinkSync(path.join(dir, 'docs'), path.join(dir, 'linked-docs'));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));
  const folder = () => fake.Uri.file(dir) as unknown as vscode.Uri;

  it('lists what findFiles(**/*.{md,markdown}, node_modules and dot-folders excluded) lists, but no symbolic link', async () => {
    const listed = (await nodeMarkdownLister(folder())).map((u) => path.relative(dir, u.fsPath)).sort();
    // (Symbolic links are left to findFiles, which follows them: the scan reads what it adds.)
    assert.deepStrictEqual(listed, ['.hidden.md', 'a.md', 'docs/b.markdown', 'docs/deep/d.md']);
  });

  it('lists nothing for a folder that is not local, or cannot be read', async () => {
    assert.deepStrictEqual(await nodeMarkdownLister(fake.Uri.parse('vscode-vfs:/repo') as unknown as vscode.Uri), []);
    assert.deepStrictEqual(await nodeMarkdownLister(fake.Uri.file(path.join(dir, 'missing')) as unknown as vscode.Uri), []);
  });
});
