/**
 * The Node extension is dist/extension.js plus the bundles it loads on first use from dist/lazy/
 * (src/extension/util/lazy.ts). The .vsix ships no node_modules, so every bundle may require only
 * `vscode` and Node built-ins; and every lazy bundle the loader names must be built, and export
 * what the loader's types promise. Builds with the project's own esbuild.js first.
 */
import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import { builtinModules } from 'module';
import { Worker } from 'worker_threads';
import { LatestRun } from '../../../src/core/cancellation';
import type { Role } from '../../../src/core/types';
import * as path from 'path';

const root = path.join(__dirname, '../../..');
const lazyDir = path.join(root, 'dist', 'lazy');

function requiredModules(code: string): string[] {
  return [...code.matchAll(/(?<![\w$.'"`])require\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1]);
}

const allowed = (mod: string) => mod === 'vscode' || builtinModules.includes(mod.replace(/^node:/, ''));

/** The bundles the extension loads from dist/lazy/: the table src/extension/lazyModules.json. */
function loaderNames(): string[] {
  return Object.keys(
    JSON.parse(fs.readFileSync(path.join(root, 'src', 'extension', 'lazyModules.json'), 'utf8')) as Record<string, string>,
  ).sort();
}

/** Loads a bundle with a stand-in `vscode` module: only its exports are looked at. */
function loadWithStubVscode(file: string): Record<string, unknown> {
  const Module = require('module') as { _load: (request: string, ...rest: unknown[]) => unknown };
  const original = Module._load;
  Module._load = function (request: string, ...rest: unknown[]) {
    return request === 'vscode' ? new Proxy({}, { get: () => function stub() {} }) : original.call(this, request, ...rest);
  };
  try {
    return require(file) as Record<string, unknown>;
  } finally {
    Module._load = original;
  }
}

describe('node extension bundles', function () {
  this.timeout(120_000);

  before(() => {
    fs.rmSync(lazyDir, { recursive: true, force: true });
    execFileSync(process.execPath, ['esbuild.js'], { cwd: root, stdio: 'pipe' });
  });

  it('builds every bundle the loader names, and nothing it does not', () => {
    const built = fs
      .readdirSync(lazyDir)
      .filter((f) => f.endsWith('.js'))
      .map((f) => f.slice(0, -3))
      .sort();
    assert.ok(loaderNames().length >= 5, 'the loader names its bundles');
    assert.deepStrictEqual(built, loaderNames());
  });

  it('requires only vscode and Node built-ins, in the main bundle and the lazy ones', () => {
    for (const file of [
      'extension.js',
      ...fs
        .readdirSync(lazyDir)
        .filter((f) => f.endsWith('.js'))
        .map((f) => `lazy/${f}`),
    ]) {
      const code = fs.readFileSync(path.join(root, 'dist', file), 'utf8');
      const bad = requiredModules(code).filter((m) => !allowed(m) && !(file === 'extension.js' && /^\.\/lazy\/\w+\.js$/.test(m)));
      assert.deepStrictEqual(bad, [], `dist/${file} requires ${bad.join(', ')}`);
    }
  });

  it('the main bundle requires the lazy modules from dist/lazy/ instead of carrying them', () => {
    const code = fs.readFileSync(path.join(root, 'dist', 'extension.js'), 'utf8');
    const lazy = [...new Set(requiredModules(code).filter((m) => m.startsWith('./lazy/')))].sort();
    // Every module of the table but the worker's script, which is started, not required.
    assert.deepStrictEqual(
      lazy,
      loaderNames()
        .filter((n) => n !== 'mapWorker')
        .map((n) => `./lazy/${n}.js`),
    );
    for (const inLazy of [
      'ComparePanel = class',
      'MapPanel = class',
      'function buildResponsibilityMap',
      'function findRoleCommand',
      'function newRoleFileCommand',
    ]) {
      assert.ok(!code.includes(inLazy), `dist/extension.js carries ${inLazy}`);
      assert.ok(
        fs.readdirSync(lazyDir).some((f) => f.endsWith('.js') && fs.readFileSync(path.join(lazyDir, f), 'utf8').includes(inLazy)),
        `no lazy bundle has ${inLazy}`,
      );
    }
  });

  it('loads each lazy bundle with the exports the extension uses', () => {
    const expected: Record<string, string[]> = {
      builtinTexts: [],
      comparePanel: ['ComparePanel'],
      diffCommands: ['compareHandbookWith', 'compareWithHead'],
      fixAllEngine: ['fixAllEdits'],
      findRole: ['findRoleCommand'],
      importRoles: ['importRolesCommand'],
      languageEngine: ['completionsAt', 'quickFixesFor', 'roleCard', 'roleSymbols', 'schemaHover', 'useMessageBundle', 'workspaceSymbols'],
      mapAnalysis: ['buildResponsibilityMap', 'mapFindings'],
      mapPanel: ['MapPanel'],
      mapWorker: [],
      newRoleFile: ['newRoleFileCommand'],
      orgChart: ['OrgChartPanel', 'LadderPanel'],
      renameEngine: ['planRename', 'renameEdits'],
    };
    assert.deepStrictEqual(Object.keys(expected).sort(), loaderNames());
    for (const [name, exports] of Object.entries(expected)) {
      if (name === 'mapWorker') continue; // a worker's entry: run by the test below
      const mod = loadWithStubVscode(path.join(lazyDir, `${name}.js`));
      for (const e of exports) assert.strictEqual(typeof mod[e], 'function', `${name}.js exports ${e}`);
    }
    const { BUILTIN_TEXTS } = loadWithStubVscode(path.join(lazyDir, 'builtinTexts.js')) as { BUILTIN_TEXTS: Map<string, string> };
    assert.deepStrictEqual([...BUILTIN_TEXTS.keys()], ['/roles/cto.md', '/roles/head-of-engineering.md']);
    assert.match(BUILTIN_TEXTS.get('/roles/cto.md') ?? '', /^---\nrole: cto\n/);
  });

  it('builds a map on the worker thread equal to the one built in place', async () => {
    const { buildResponsibilityMap } = require(path.join(root, 'src', 'core', 'map')) as typeof import('../../../src/core/map');
    const { builtinRoles } = require(path.join(root, 'test', 'unit', 'core', 'map', 'fixtures')) as typeof import('../core/map/fixtures');
    const roles = builtinRoles();
    const worker = new Worker(path.join(lazyDir, 'mapWorker.js'));
    try {
      const reply = await new Promise<{ id: number; map?: unknown; error?: string }>((resolve, reject) => {
        worker.once('message', resolve);
        worker.once('error', reject);
        worker.postMessage({ id: 7, roles });
      });
      assert.strictEqual(reply.id, 7);
      assert.strictEqual(reply.error, undefined);
      assert.deepStrictEqual(reply.map, buildResponsibilityMap(roles));
      const bad = await new Promise<{ id: number; error?: string }>((resolve) => {
        worker.once('message', resolve);
        worker.postMessage({ id: 8, roles: [{ uri: 'x' }] });
      });
      assert.strictEqual(bad.id, 8);
      assert.match(bad.error ?? '', /./, 'an analysis that throws is answered with its error');
      // The host cancels through a shared flag, which the busy worker polls while it builds.
      const cancel = new Int32Array(new SharedArrayBuffer(4));
      Atomics.store(cancel, 0, 1);
      const cancelled = await new Promise<unknown>((resolve) => {
        worker.once('message', resolve);
        worker.postMessage({ id: 9, roles, cancel });
      });
      assert.deepStrictEqual(cancelled, { id: 9, cancelled: true });
    } finally {
      await worker.terminate();
    }
  });

  describe('WorkerMapBuilder', () => {
    const { buildResponsibilityMap } = require(path.join(root, 'src', 'core', 'map')) as typeof import('../../../src/core/map');
    const { builtinRoles } = require(path.join(root, 'test', 'unit', 'core', 'map', 'fixtures')) as typeof import('../core/map/fixtures');
    const { WorkerMapBuilder } = require(
      path.join(root, 'src', 'extension', 'features', 'responsibilityMap', 'workerMapBuilder'),
    ) as typeof import('../../../src/extension/features/responsibilityMap/workerMapBuilder');
    type Built = ReturnType<typeof buildResponsibilityMap>;
    const fallback = () => {
      const calls: number[] = [];
      return {
        calls,
        builder: {
          where: 'host' as const,
          build: async (roles: readonly Role[]): Promise<Built> => (calls.push(roles.length), buildResponsibilityMap(roles)),
          dispose: () => undefined,
        },
      };
    };
    const log = () => {
      const warnings: string[] = [];
      return { warnings, channel: { warn: (m: string) => void warnings.push(m) } };
    };

    it('builds on the worker, one map per request, in the order asked', async () => {
      const f = fallback();
      const l = log();
      const b = new WorkerMapBuilder(l.channel, f.builder, path.join(lazyDir, 'mapWorker.js'));
      try {
        const roles = builtinRoles();
        const [one, two] = await Promise.all([b.build(roles), b.build(roles.slice(0, 1))]);
        assert.deepStrictEqual(one, buildResponsibilityMap(roles));
        assert.deepStrictEqual(
          two?.roles.map((r) => r.id),
          ['cto'],
        );
        assert.deepStrictEqual([b.where, f.calls, l.warnings], ['worker', [], []]);
      } finally {
        b.dispose();
      }
    });

    it('answers a cancelled build with undefined at once, and keeps building on the worker', async () => {
      const f = fallback();
      const l = log();
      const b = new WorkerMapBuilder(l.channel, f.builder, path.join(lazyDir, 'mapWorker.js'));
      try {
        const roles = builtinRoles();
        assert.strictEqual(
          await b.build(roles, { isCancellationRequested: true, onCancellationRequested: () => ({ dispose() {} }) }),
          undefined,
        );
        // A newer build cancels the older one, which resolves undefined; the newer one gets its map.
        const runs = new LatestRun();
        const older = b.build(roles, runs.start());
        const newer = b.build(roles.slice(0, 1), runs.start());
        assert.deepStrictEqual(await Promise.all([older, newer.then((m) => m?.roles.map((r) => r.id))]), [undefined, ['cto']]);
        assert.deepStrictEqual(await b.build(roles), buildResponsibilityMap(roles));
        assert.deepStrictEqual([b.where, f.calls, l.warnings], ['worker', [], []]);
      } finally {
        b.dispose();
      }
    });

    it('passes an error of the analysis on, and stays on the worker', async () => {
      const f = fallback();
      const b = new WorkerMapBuilder(log().channel, f.builder, path.join(lazyDir, 'mapWorker.js'));
      try {
        await assert.rejects(b.build([{ uri: 'x' } as unknown as Role]), /./);
        assert.deepStrictEqual([b.where, f.calls], ['worker', []]);
      } finally {
        b.dispose();
      }
    });

    it('falls back to the host thread, once and for good, when the worker cannot run', async () => {
      const f = fallback();
      const l = log();
      const b = new WorkerMapBuilder(l.channel, f.builder, path.join(lazyDir, 'no-such-worker.js'));
      try {
        const roles = builtinRoles();
        assert.deepStrictEqual(await b.build(roles), buildResponsibilityMap(roles));
        await b.build(roles);
        assert.deepStrictEqual([b.where, f.calls], ['host', [2, 2]]);
        assert.strictEqual(l.warnings.length, 1);
        assert.match(l.warnings[0], /worker thread failed/);
      } finally {
        b.dispose();
      }
    });
  });

  it('keeps the lazy modules out of dist/extension.js', () => {
    const main = fs.readFileSync(path.join(root, 'dist', 'extension.js'), 'utf8');
    const lazy = fs.readdirSync(lazyDir).map((f) => fs.readFileSync(path.join(lazyDir, f), 'utf8'));
    // Texts that only lazily loaded code holds: the Find Role placeholder, the scaffold's, the compare panel's.
    for (const s of [
      'who owns onboarding?',
      'Describe one thing this role is responsible for',
      'Copied the comparison as a Markdown table.',
    ]) {
      assert.ok(
        lazy.some((code) => code.includes(s)),
        `a lazy bundle holds "${s}"`,
      );
      assert.ok(!main.includes(s), `dist/extension.js holds "${s}"`);
    }
  });
});
