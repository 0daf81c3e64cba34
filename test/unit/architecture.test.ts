/**
 * The layering rules of .dependency-cruiser.cjs (run on the real tree by `npm run lint`) are
 * themselves tested here: dependency-cruiser runs with the project's config on a small fixture tree
 * written to a temporary folder, where each rule is broken once on purpose (and a few allowed
 * imports sit beside the violations). The exact list of violations must come back.
 */
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const ROOT = path.join(__dirname, '..', '..');
const DEPCRUISE = path.join(ROOT, 'node_modules', 'dependency-cruiser', 'bin', 'dependency-cruise.mjs');

/** The fixture tree: file → source. Imports marked "ok" must not be reported. */
const TREE: Record<string, string> = {
  'tsconfig.json': JSON.stringify({
    compilerOptions: { module: 'commonjs', moduleResolution: 'node', strict: true, noEmit: true },
    include: ['src', 'media'],
  }),
  'src/core/pure.ts': 'export const pure = 1;\n',
  'src/core/usesVscode.ts': "import * as vscode from 'vscode';\nexport const v = vscode;\n",
  'src/core/usesFs.ts': "import { readFileSync } from 'node:fs';\nimport * as path from 'path';\nexport const r = [readFileSync, path];\n",
  'src/core/usesExtension.ts': "import type { Feature } from '../extension/featureContext';\nexport type F = Feature;\n",
  'src/core/usesCli.ts': "import { run } from '../cli/lint';\nexport const r = run;\n",
  'src/core/protocol/compareProtocol.ts': "import { pure } from '../pure'; // ok\nexport const msg = pure;\n",
  'src/core/protocol/mapProtocol.ts': 'export const mapMsg = 2;\n',
  'src/cli/lint.ts':
    "import { pure } from '../core/pure'; // ok\nimport { hover } from '../extension/hover';\nexport const run = [pure, hover];\n",
  'src/extension/extension.ts':
    "import { hover } from './hover'; // ok: the entry point wires features\nimport { tree } from './rolesTree'; // ok\nexport const all = [hover, tree];\n",
  'src/extension/featureContext.ts': 'export interface Feature { id: string }\n',
  'src/extension/handbookWorkspace.ts': 'export const workspace = 1;\n',
  'src/extension/util/helper.ts': "import { workspace } from '../handbookWorkspace'; // ok\nexport const helper = workspace;\n",
  'src/extension/util/usesFeature.ts': "import type { tree } from '../rolesTree';\nexport type T = typeof tree;\n",
  'src/extension/hover.ts':
    "import { helper } from './util/helper'; // ok\nimport type { Feature } from './featureContext'; // ok\nimport { pure } from '../core/pure'; // ok\nexport const hover: Feature = { id: String(helper + pure) };\n",
  'src/extension/rolesTree.ts': "import { hover } from './hover';\nexport const tree = hover;\n",
  'src/extension/features/compare/index.ts':
    "import { panel } from './panel'; // ok: one feature, two files\nexport const compare = panel;\n",
  'src/extension/features/compare/panel.ts': "import type { map } from '../map/index';\nexport const panel = 1 as unknown as typeof map;\n",
  'src/extension/features/map/index.ts': 'export const map = 1;\n',
  'media/compare.ts':
    "import { msg } from '../src/core/protocol/compareProtocol'; // ok\nimport { mapMsg } from '../src/core/protocol/mapProtocol';\nimport { pure } from '../src/core/pure';\nexport const page = [msg, mapMsg, pure];\n",
  'media/map.ts':
    "import type { mapMsg } from '../src/core/protocol/mapProtocol'; // ok\nimport { el } from './shared/page'; // ok: the shared page kit\nexport type M = typeof mapMsg;\nexport const e = el;\n",
  'media/shared/page.ts': "import { pure } from '../../src/core/pure';\nexport const el = pure;\n",
};

const EXPECTED = [
  'cli-not-to-extension: src/cli/lint.ts → src/extension/hover.ts',
  'core-is-pure: src/core/usesCli.ts → src/cli/lint.ts',
  'core-is-pure: src/core/usesExtension.ts → src/extension/featureContext.ts',
  'core-is-pure: src/core/usesVscode.ts → vscode',
  'core-no-node: src/core/usesFs.ts → fs',
  'core-no-node: src/core/usesFs.ts → path',
  'feature-not-to-feature: src/extension/features/compare/panel.ts → src/extension/features/map/index.ts',
  'feature-not-to-feature: src/extension/rolesTree.ts → src/extension/hover.ts',
  'util-not-to-feature: src/extension/util/usesFeature.ts → src/extension/rolesTree.ts',
  'webview-only-its-protocol: media/compare.ts → src/core/protocol/mapProtocol.ts',
  'webview-only-its-protocol: media/compare.ts → src/core/pure.ts',
  'webview-shared-imports-nothing: media/shared/page.ts → src/core/pure.ts',
];

interface Violation {
  rule: { name: string };
  from: string;
  to: string;
}

describe('architecture: the dependency-cruiser rules', function () {
  this.timeout(120_000);
  let dir: string;
  let violations: string[];

  const depcruise = (output: 'json' | 'err') =>
    spawnSync(
      process.execPath,
      [DEPCRUISE, 'src', 'media', '--config', path.join(ROOT, '.dependency-cruiser.cjs'), '--output-type', output],
      { cwd: dir, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
    );

  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'handbook-arch-'));
    for (const [file, text] of Object.entries(TREE)) {
      fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      fs.writeFileSync(path.join(dir, file), text);
    }
    const r = depcruise('json');
    const report = JSON.parse(r.stdout) as { summary: { violations: Violation[] } };
    violations = report.summary.violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`).sort();
  });

  it('fails the run (what `npm run lint` sees)', () => {
    const r = depcruise('err');
    assert.strictEqual(r.status, EXPECTED.length, r.stdout + r.stderr);
    assert.match(r.stdout, /x 12 dependency violations \(12 errors, 0 warnings\)/);
  });

  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('reports exactly the deliberate violations, and none of the allowed imports', () => {
    assert.deepStrictEqual(violations, EXPECTED);
  });

  it('passes the same tree once the violations are gone', () => {
    for (const file of Object.keys(TREE)) {
      const full = path.join(dir, file);
      if (!file.endsWith('.ts')) continue;
      // Keep the allowed imports only.
      const kept = fs
        .readFileSync(full, 'utf8')
        .split('\n')
        .filter((line) => !/^import\b/.test(line) || line.includes('// ok'));
      fs.writeFileSync(full, kept.join('\n'));
    }
    const r = depcruise('err');
    assert.strictEqual(r.status, 0, r.stdout + r.stderr);
  });
});
