// `npm run fuzz [-- --runs N] [-- --seed S]`: the property-based tests of test/unit/fuzz with many
// more cases than `npm test` runs (FUZZ_RUNS per property, scaled by each property's weight), then
// the number of cases each property ran. Replay a failure with the seed fast-check prints.
'use strict';
const { spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
};
const runs = option('--runs', '5000');
const seed = option('--seed', String(Date.now() % 2147483647));
const root = path.join(__dirname, '..');
const report = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'hb-fuzz-')), 'report.json');
const specs = fs
  .readdirSync(path.join(root, 'test', 'unit', 'fuzz'))
  .filter((f) => f.endsWith('.test.ts'))
  .map((f) => path.join('test', 'unit', 'fuzz', f));

process.stdout.write(`fuzz: ${runs} runs per property (weighted), seed ${seed}\n`);
const started = Date.now();
const r = spawnSync(
  process.execPath,
  [
    require.resolve('mocha/bin/mocha.js'),
    '--no-config',
    '--require',
    'tsx/cjs',
    '--extension',
    'ts',
    '--timeout',
    '0',
    '--reporter',
    'spec',
    ...specs,
  ],
  { cwd: root, stdio: 'inherit', env: { ...process.env, FUZZ_RUNS: runs, FUZZ_SEED: seed, FUZZ_REPORT: report } },
);
if (fs.existsSync(report)) {
  const { total, properties } = JSON.parse(fs.readFileSync(report, 'utf8'));
  process.stdout.write(`\nfuzz: ${total} cases in ${((Date.now() - started) / 1000).toFixed(0)} s (seed ${seed})\n`);
  for (const [name, n] of Object.entries(properties)) process.stdout.write(`  ${String(n).padStart(9)}  ${name}\n`);
}
process.exitCode = r.status ?? 1;
