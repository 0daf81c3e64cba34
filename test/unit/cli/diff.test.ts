import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { main } from '../../../src/cli/diffCommand';
import { neutralize, neutralizeJson, oneLine } from '../../../src/cli/terminal';
import { runner, tree } from './helpers';
import { roleFile } from '../../support/roleFile';

const run = runner(main);

/** Runs git in `dir` (a fixed identity and date, so commits are reproducible); throws on failure. */
function git(dir: string, ...args: string[]): string {
  const r = spawnSync(
    'git',
    ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', '-c', 'init.defaultBranch=main', '-c', 'commit.gpgsign=false', ...args],
    {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, GIT_AUTHOR_DATE: '2026-01-01T00:00:00Z', GIT_COMMITTER_DATE: '2026-01-01T00:00:00Z' },
    },
  );
  if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
}

const role = (id: string, title: string, responsibilities: string[], extra: string[] = []): string =>
  roleFile(id, { title, type: 'manager', responsibilities, extra, heading: true });

/** Writes (or, for undefined, deletes) files in `dir`. */
function write(dir: string, files: Record<string, string | undefined>): void {
  for (const [rel, text] of Object.entries(files)) {
    const abs = path.join(dir, rel);
    if (text === undefined) fs.rmSync(abs);
    else {
      fs.mkdirSync(path.dirname(abs), { recursive: true });
      fs.writeFileSync(abs, text);
    }
  }
}

function commit(dir: string, message: string, files: Record<string, string | undefined>): void {
  write(dir, files);
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', message);
}

const V1 = {
  'README.md': '# Handbook\n',
  'roles/cto.md': role('cto', 'Chief Technology Officer', ['Set the technology vision', 'Hire engineering managers']),
  'roles/hoe.md': role('head-of-engineering', 'Head of Engineering', ['Run delivery']),
  'roles/qa.md': role('qa-lead', 'QA Lead', ['Own the test strategy']),
  'roles/pm.md': role('pm', 'Product Manager', ['Own the roadmap']),
};

const V2 = {
  'roles/cto.md': role('cto', 'Chief Technology Officer', ['Set the technology vision', 'Talk to investors']),
  'roles/hoe.md': role('head-of-engineering', 'Head of Engineering', ['Run delivery', 'Hire  engineering managers'], ['level: 2']),
  'roles/qa.md': undefined,
  'roles/pm.md': role('product-manager', 'Product Manager', ['Own the roadmap']),
  'roles/sre.md': role('sre-lead', 'SRE Lead', ['Own reliability']),
};

/** A repository with two commits: V1, then V2 (tagged v1 and v2). */
function repo(): string {
  const dir = tree('hb-diff-', {});
  git(dir, 'init', '-q');
  commit(dir, 'v1', V1);
  git(dir, 'tag', 'v1');
  commit(dir, 'v2', V2);
  git(dir, 'tag', 'v2');
  return dir;
}

const V1_TO_V2_JSON = `{
  "added": [
    "sre-lead"
  ],
  "removed": [
    "qa-lead"
  ],
  "renamed": [
    {
      "from": "pm",
      "to": "product-manager"
    }
  ],
  "changed": [
    {
      "role": "cto",
      "responsibilities": {
        "added": [
          "Talk to investors"
        ],
        "removed": []
      },
      "successCriteria": {
        "added": [],
        "removed": []
      },
      "focus": {
        "added": [],
        "removed": []
      },
      "fields": []
    },
    {
      "role": "head-of-engineering",
      "responsibilities": {
        "added": [],
        "removed": []
      },
      "successCriteria": {
        "added": [],
        "removed": []
      },
      "focus": {
        "added": [],
        "removed": []
      },
      "fields": [
        "level"
      ]
    }
  ],
  "moved": [
    {
      "text": "Hire  engineering managers",
      "from": "cto",
      "to": "head-of-engineering"
    }
  ]
}
`;

describe('handbook-diff', () => {
  let dir: string;
  before(() => {
    dir = repo();
  });

  it('compares two revisions, byte for byte the contract JSON, exit 0', () => {
    const r = run(['v1', 'v2', '--format', 'json'], dir);
    assert.deepStrictEqual(r, { code: 0, out: V1_TO_V2_JSON, err: '' });
  });

  it('compares BASE with the working tree by default, tracked and untracked, never ignored files', () => {
    const work = repo();
    write(work, {
      'roles/pm.md': role('product-manager', 'Product Manager', ['Own the roadmap', 'Talk to customers']),
      'roles/new.md': role('designer', 'Designer', ['Design']),
      'roles/build/generated.md': role('generated', 'Generated', ['Nothing']),
      '.gitignore': 'roles/build/\n',
    });
    write(work, { 'roles/staged.md': role('staged-role', 'Staged', ['Be staged']) });
    git(work, 'add', 'roles/staged.md');
    git(work, 'rm', '-q', 'roles/hoe.md');
    const r = run(['--format', 'json'], work);
    assert.strictEqual(r.code, 0);
    assert.strictEqual(r.err, '');
    const json = JSON.parse(r.out);
    assert.deepStrictEqual(json.added, ['designer', 'staged-role']);
    assert.deepStrictEqual(json.removed, ['head-of-engineering']);
    assert.deepStrictEqual(json.changed, [
      {
        role: 'product-manager',
        responsibilities: { added: ['Talk to customers'], removed: [] },
        successCriteria: { added: [], removed: [] },
        focus: { added: [], removed: [] },
        fields: [],
      },
    ]);
    // HEAD is the default BASE: the same as naming it.
    assert.deepStrictEqual(run(['HEAD', '--format', 'json'], work), r);
  });

  it('reads revisions through git without checking out: HEAD, the index and the working tree stay as they are', () => {
    const work = repo();
    write(work, { 'roles/cto.md': 'edited\n' });
    git(work, 'add', 'roles/cto.md');
    write(work, { 'roles/cto.md': 'edited again\n' });
    const status = git(work, 'status', '--porcelain');
    const head = git(work, 'rev-parse', 'HEAD');
    assert.strictEqual(run(['v1', 'v2'], work).code, 0);
    assert.strictEqual(git(work, 'status', '--porcelain'), status);
    assert.strictEqual(git(work, 'rev-parse', 'HEAD'), head);
    assert.strictEqual(fs.readFileSync(path.join(work, 'roles/cto.md'), 'utf8'), 'edited again\n');
  });

  it('no change: the summary says so, exit 0', () => {
    assert.deepStrictEqual(run([], dir), { code: 0, out: 'HEAD → working tree: no role changed\n', err: '' });
    assert.deepStrictEqual(run(['v2', 'HEAD', '--format', 'json'], dir), {
      code: 0,
      out: '{\n  "added": [],\n  "removed": [],\n  "renamed": [],\n  "changed": [],\n  "moved": []\n}\n',
      err: '',
    });
  });

  it('prints the changes for people (stylish)', () => {
    const r = run(['v1', 'v2'], dir);
    assert.strictEqual(r.code, 0);
    assert.strictEqual(
      r.out,
      [
        'v1 → v2: 1 role added, 1 removed, 1 renamed, 2 changed, 1 responsibility moved',
        '',
        '~ changed  cto  Chief Technology Officer  roles/cto.md',
        '    responsibilities',
        '      + Talk to investors',
        '~ changed  head-of-engineering  Head of Engineering  roles/hoe.md',
        '    other keys: level',
        '~ renamed  pm → product-manager  Product Manager  roles/pm.md',
        '- removed  qa-lead  QA Lead  roles/qa.md',
        '+ added    sre-lead  SRE Lead  roles/sre.md',
        '→ moved    Hire  engineering managers  cto → head-of-engineering',
        '',
      ].join('\n'),
    );
  });

  it('prints a Markdown summary for a pull request', () => {
    const r = run(['v1', 'v2', '--format', 'markdown'], dir);
    assert.strictEqual(r.code, 0);
    assert.strictEqual(
      r.out,
      [
        '## Handbook changes: `v1` → `v2`',
        '',
        '1 role added, 1 removed, 1 renamed, 2 changed, 1 responsibility moved.',
        '',
        '### Added roles',
        '',
        '- **SRE Lead** (`sre-lead`): `roles/sre.md`',
        '',
        '### Removed roles',
        '',
        '- **QA Lead** (`qa-lead`): `roles/qa.md`',
        '',
        '### Renamed roles',
        '',
        '- `pm` → `product-manager` (`roles/pm.md`)',
        '',
        '### Changed roles',
        '',
        '#### Chief Technology Officer (`cto`)',
        '',
        '- Responsibilities:',
        '  - ➕ Talk to investors',
        '',
        '#### Head of Engineering (`head-of-engineering`)',
        '',
        '- Other keys changed: `level`',
        '',
        '### Moved responsibilities',
        '',
        '| Responsibility | From | To |',
        '| --- | --- | --- |',
        '| Hire  engineering managers | `cto` | `head-of-engineering` |',
        '',
      ].join('\n'),
    );
  });

  it('a role file broken in the target is reported as unreadable, not as a removed role', () => {
    const work = repo();
    write(work, { 'roles/cto.md': '---\nrole: cto\ntitle: a: b\n---\n' });
    const json = run(['--format', 'json'], work);
    assert.strictEqual(json.code, 0);
    assert.deepStrictEqual(JSON.parse(json.out), { added: [], removed: [], renamed: [], changed: [], moved: [] });
    assert.strictEqual(
      json.err,
      'handbook-diff: roles/cto.md:3:8 could not be read at working tree: YAML syntax error: Nested mappings are not allowed in compact mappings (yaml-syntax); not compared: cto\n',
    );
    const stylish = run([], work);
    assert.strictEqual(stylish.code, 0);
    assert.match(
      stylish.out,
      /^! unreadable {2}roles\/cto\.md:3:8 at working tree: YAML syntax error: Nested mappings are not allowed in compact mappings \(yaml-syntax\); not compared: cto$/m,
    );
  });

  it('limits the diff to the paths and globs given, exit 2 when one matches nothing', () => {
    const names = (args: string[]) => {
      const r = run(['--format', 'json', ...args], dir);
      assert.strictEqual(r.code, 0, r.err);
      const j = JSON.parse(r.out);
      return [...j.added, ...j.removed, ...j.changed.map((c: { role: string }) => c.role)];
    };
    assert.deepStrictEqual(names(['v1', 'v2', 'roles/cto.md']), ['cto']);
    assert.deepStrictEqual(names(['v1', 'v2', 'roles/s*.md', 'roles/qa.md']), ['sre-lead', 'qa-lead']);
    assert.deepStrictEqual(names(['v1', 'v2', '--', 'roles']), ['sre-lead', 'qa-lead', 'cto', 'head-of-engineering']);
    assert.deepStrictEqual(run(['v1', 'v2', 'nowhere/'], dir), { code: 2, out: '', err: 'handbook-diff: no files match "nowhere/"\n' });
  });

  it('works from a subfolder: paths relative to it, only the files under it', () => {
    const work = tree('hb-diff-sub-', {});
    git(work, 'init', '-q');
    commit(work, 'one', { 'handbook/roles/a.md': role('a', 'A', ['One']), 'other/roles/b.md': role('b', 'B', ['Two']) });
    write(work, { 'handbook/roles/a.md': role('a', 'A', ['One', 'Three']), 'other/roles/b.md': role('b', 'B', ['Two', 'Four']) });
    const r = run(['--format', 'json', 'roles/a.md'], path.join(work, 'handbook'));
    assert.strictEqual(r.code, 0, r.err);
    assert.deepStrictEqual(
      JSON.parse(r.out).changed.map((c: { role: string; responsibilities: unknown }) => [c.role, c.responsibilities]),
      [['a', { added: ['Three'], removed: [] }]],
    );
  });

  it('exit 2 with one line for an unknown revision', () => {
    assert.deepStrictEqual(run(['no-such-branch'], dir), {
      code: 2,
      out: '',
      err: 'handbook-diff: "no-such-branch" is neither a revision nor a path in the handbook\n',
    });
    assert.deepStrictEqual(run(['v1', 'no-such-tag', '--'], dir), {
      code: 2,
      out: '',
      err: 'handbook-diff: unknown revision "no-such-tag"\n',
    });
    assert.deepStrictEqual(run(['v1', 'v2', 'v1', '--'], dir), {
      code: 2,
      out: '',
      err: 'handbook-diff: too many revisions: "v1" (give at most BASE and TARGET before "--")\n',
    });
  });

  it('exit 2 with one line outside a git repository, and in a repository without commits', () => {
    const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'hb-diff-norepo-'));
    const saved = process.env.GIT_CEILING_DIRECTORIES;
    process.env.GIT_CEILING_DIRECTORIES = path.dirname(outside);
    try {
      assert.deepStrictEqual(run([], outside), { code: 2, out: '', err: 'handbook-diff: not in a git repository\n' });
      git(outside, 'init', '-q');
      assert.deepStrictEqual(run([], outside), {
        code: 2,
        out: '',
        err: 'handbook-diff: unknown revision HEAD (a repository without commits?)\n',
      });
    } finally {
      if (saved === undefined) delete process.env.GIT_CEILING_DIRECTORIES;
      else process.env.GIT_CEILING_DIRECTORIES = saved;
    }
  });

  it('exit 2 with one line for bad arguments', () => {
    assert.deepStrictEqual(run(['--format', 'xml'], dir), {
      code: 2,
      out: '',
      err: 'handbook-diff: --format must be one of stylish, json, markdown (got "xml")\n',
    });
    assert.deepStrictEqual(run(['--nope'], dir), { code: 2, out: '', err: 'handbook-diff: unknown option "--nope" (see --help)\n' });
    const help = run(['--help'], dir);
    assert.strictEqual(help.code, 0);
    assert.match(help.out, /^Usage: handbook-diff \[BASE \[TARGET\]\] \[--format stylish\|json\|markdown\] \[PATH_OR_GLOB \.\.\.\]/);
  });

  it('a revision name cannot smuggle in a git option', () => {
    assert.strictEqual(run(['--', '--output=/tmp/x'], dir).code, 2);
    assert.deepStrictEqual(run(['v1', '--upload-pack=touch /tmp/pwned', '--'], dir), {
      code: 2,
      out: '',
      err: 'handbook-diff: unknown option "--upload-pack=touch /tmp/pwned" (see --help)\n',
    });
  });

  it('neutralises control characters from role files in terminal output', () => {
    const work = repo();
    write(work, { 'roles/sre.md': role('sre-lead', '"SRE \\e[2J\\u202eLead"', ['Own reliability', '"Beep \\a and \\x9b31m"']) });
    const r = run([], work);
    assert.strictEqual(r.code, 0);
    assert.ok(!/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202e]/.test(r.out), JSON.stringify(r.out));
    assert.ok(r.out.includes('SRE \\x1B[2J\\u202ELead'), r.out);
    assert.ok(r.out.includes('+ Beep \\x07 and \\x9B31m'), r.out);
    const md = run(['--format', 'markdown'], work);
    assert.ok(!/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202e]/.test(md.out), JSON.stringify(md.out));
    const json = run(['--format', 'json'], work);
    assert.ok(!/[\u007f-\u009f\u202e]/.test(json.out), json.out);
    assert.deepStrictEqual(JSON.parse(json.out).changed[0].responsibilities.added, ['Beep \u0007 and \u009b31m']);
  });
});

describe('terminal text', () => {
  it('neutralises control and bidi characters, keeping tabs and line feeds', () => {
    assert.strictEqual(neutralize('a\u001b[31mb\tc\nd\u0085e\u2066f\rg'), 'a\\x1B[31mb\tc\nd\\x85e\\u2066f\\x0Dg');
    assert.strictEqual(oneLine('a\r\n\tb\u0000'), 'a b\\x00');
    assert.strictEqual(neutralizeJson(JSON.stringify({ a: '\u009b\u202e\u001b' })), '{"a":"\\u009B\\u202E\\u001b"}');
    assert.deepStrictEqual(JSON.parse(neutralizeJson(JSON.stringify({ a: '\u009b\u202e' }))), { a: '\u009b\u202e' });
  });
});
