import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { measures } from '../test/bench/measures';

/**
 * `npm run bench [-- --out file]`: the keyed figures of every measure in test/bench/measures.ts,
 * then the vitest benches (test/bench/*.bench.ts); prints a table and writes all figures as flat
 * keys to bench/results.json (or `--out`). Figures, not assertions: nothing here fails on speed.
 */
function outPath(args: string[]): string {
  const at = args.indexOf('--out');
  return resolve(at >= 0 && args[at + 1] ? args[at + 1]! : 'bench/results.json');
}

interface VitestBenchJson {
  files: Array<{
    groups: Array<{ fullName: string; benchmarks: Array<{ name: string; mean: number }> }>;
  }>;
}

/** Runs the vitest benches (their own table is printed) and returns their mean times as keys. */
function vitestBenches(): Record<string, number> {
  const folder = mkdtempSync(join(tmpdir(), 'ha-tray-bench-'));
  const json = join(folder, 'vitest-bench.json');
  try {
    const run = spawnSync(
      'npx',
      ['vitest', 'bench', '--run', '--project', 'node', '--outputJson', json],
      { stdio: 'inherit' },
    );
    if (run.status !== 0) throw new Error('vitest bench failed');
    const report = JSON.parse(readFileSync(json, 'utf8')) as VitestBenchJson;
    const results: Record<string, number> = {};
    for (const file of report.files)
      for (const group of file.groups)
        for (const bench of group.benchmarks)
          results[
            `vitest.${group.fullName.replace(/^.*\.bench\.ts > /, '')}.${bench.name}.meanMs`
          ] = Number(bench.mean.toFixed(4));
    return results;
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const results: Record<string, number> = {};
  for (const measure of measures) {
    process.stdout.write(`measuring ${measure.name}…\n`);
    Object.assign(results, await measure.run());
  }
  Object.assign(results, vitestBenches());
  const width = Math.max(...Object.keys(results).map((key) => key.length));
  for (const [key, value] of Object.entries(results))
    process.stdout.write(`${key.padEnd(width)}  ${value}\n`);
  const out = outPath(process.argv.slice(2));
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`);
  process.stdout.write(`\nwritten to ${out}\n`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  },
);
