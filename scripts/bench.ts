// `npm run bench`: every figure of docs/performance.md, measured in one run on the real code
// paths. Prints a table and writes bench/results.json (or the file after --out).
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { dirname, resolve } from 'node:path';
import '../test/bench/support/electron-alias';
import { ingestBench } from '../test/bench/ingest';
import { idleBench } from '../test/bench/idle';
import { instancesBench } from '../test/bench/instances';
import { latencyBench } from '../test/bench/latency';
import { panelBench } from '../test/bench/panel';
import { pollingBench } from '../test/bench/polling';
import { reconnectBench } from '../test/bench/reconnect';
import { rendererBench } from '../test/bench/renderer';
import { trayAndIpcBench } from '../test/bench/tray-and-ipc';
import type { BenchModule, Figure } from '../test/bench/support/figures';

/** The bench modules, in the order they run. Another module's figures join with one line here. */
const MODULES: Array<[string, BenchModule]> = [
  ['ingest', ingestBench],
  ['tray', trayAndIpcBench],
  ['latency', latencyBench],
  ['polling', pollingBench],
  ['idle', idleBench],
  ['renderer', rendererBench],
  ['panel', panelBench],
  ['reconnect', reconnectBench],
  ['instances', instancesBench],
];

function outPath(argv: string[]): string {
  const at = argv.indexOf('--out');
  return resolve(at >= 0 && argv[at + 1] ? argv[at + 1]! : 'bench/results.json');
}

function format(value: number): string {
  if (!Number.isFinite(value) || Number.isInteger(value)) return String(value);
  return Math.abs(value) >= 100 ? value.toFixed(0) : value.toPrecision(3);
}

async function main(): Promise<void> {
  const out = outPath(process.argv.slice(2));
  const only = process.argv
    .slice(2)
    .filter((a, i, all) => !a.startsWith('--') && all[i - 1] !== '--out');
  const figures: Figure[] = [];
  const started = Date.now();
  for (const [name, run] of MODULES) {
    if (only.length > 0 && !only.includes(name)) continue;
    const moduleStart = Date.now();
    const result = await run();
    figures.push(...result);
    console.error(`${name}: ${((Date.now() - moduleStart) / 1000).toFixed(0)} s`);
  }
  const rows = figures.map((f) => [
    f.key,
    `${format(f.value)} ${f.unit}`,
    String(f.samples),
    f.note ?? '',
  ]);
  const widths = [0, 1, 2].map((c) => Math.max(...rows.map((r) => r[c]!.length), 8));
  console.log(['figure', 'value', 'samples'].map((h, c) => h.padEnd(widths[c]!)).join('  '));
  for (const row of rows)
    console.log(row.map((cell, c) => (c < 3 ? cell.padEnd(widths[c]!) : cell)).join('  '));
  const machine = `${cpus().length} x ${cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}`;
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(
    out,
    `${JSON.stringify(
      {
        machine,
        at: new Date().toISOString(),
        seconds: Math.round((Date.now() - started) / 1000),
        figures: Object.fromEntries(figures.map((f) => [f.key, f])),
      },
      null,
      2,
    )}\n`,
  );
  console.log(`\n${machine}; written to ${out}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
