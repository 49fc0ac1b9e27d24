import { spawn } from 'node:child_process';
import { join } from 'node:path';
import type { Figure } from './support/figures';

/** Runs one scenario of instances-child.ts in a fresh process and reads its JSON line. */
function scenario(...args: string[]): Promise<Record<string, number>> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        '--expose-gc',
        '--import',
        'tsx',
        join(import.meta.dirname, 'support/instances-child.ts'),
        ...args,
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.once('error', reject);
    child.once('exit', (code) =>
      code === 0
        ? resolve(JSON.parse(out.trim().split('\n').at(-1)!) as Record<string, number>)
        : reject(new Error(`the ${args.join(' ')} scenario ended with ${code}`)),
    );
  });
}

/**
 * Several Home Assistants at once: three homes of 2,000 entities against one of 6,000, at the
 * same change rate (30 a second in all), each in a process of its own so that heap and RSS are
 * the scenario's; and how late a healthy instance's changes arrive while another one restarts
 * with 2,000 and with 30,000 entities, against the same load with the other one quiet.
 */
export async function instancesBench(): Promise<Figure[]> {
  const one = await scenario('cost', '1', '6000');
  const three = await scenario('cost', '3', '2000');
  // Every day no page lists all entities, so the troubled home sends only what the app watches;
  // while one does (the favourites editor), every snapshot is the whole home.
  const delays = [
    ['30000', await scenario('delay', '30000', 'closed')],
    ['30000.listOpen', await scenario('delay', '30000', 'open')],
    ['2000.listOpen', await scenario('delay', '2000', 'open')],
  ] as const;
  const cost = (name: string, result: Record<string, number>, note: string): Figure[] => [
    {
      key: `instances.${name}.cpuPercent`,
      value: result.cpuPercent!,
      unit: '%',
      samples: result.seconds!,
      note: `${note}, seconds`,
    },
    {
      key: `instances.${name}.heapMb`,
      value: result.heapMb!,
      unit: 'MiB',
      samples: 1,
      note: 'after gc()',
    },
    { key: `instances.${name}.rssMb`, value: result.rssMb!, unit: 'MiB', samples: 1, note },
  ];
  const ratio = (field: string): Figure => ({
    key: `instances.threeVsOne.${field}`,
    value: three[field]! / one[field]!,
    unit: 'x',
    samples: 2,
    note: 'goal: at most 1.5x',
  });
  return [
    ...cost('one6000', one, '1 instance x 6,000 entities'),
    ...cost('three2000', three, '3 instances x 2,000 entities'),
    ratio('cpuPercent'),
    ratio('heapMb'),
    ratio('rssMb'),
    ...delays.flatMap(([size, delay]): Figure[] => {
      const [entities, open] = size.split('.');
      const note =
        `the other restarting with ${Number(entities).toLocaleString('en')} entities` +
        (open ? ', every entity listed' : '');
      const quiet = 'the other instance quiet';
      const samples = delay.samples!;
      return [
        {
          key: `instances.healthyQuietP99Ms.${size}`,
          value: delay.quietP99Ms!,
          unit: 'ms',
          samples: delay.quietSamples!,
          note: quiet,
        },
        {
          key: `instances.healthyTroubledP50Ms.${size}`,
          value: delay.troubledP50Ms!,
          unit: 'ms',
          samples,
          note,
        },
        {
          key: `instances.healthyTroubledP99Ms.${size}`,
          value: delay.troubledP99Ms!,
          unit: 'ms',
          samples,
          note,
        },
        {
          key: `instances.healthyTroubledMaxMs.${size}`,
          value: delay.troubledMaxMs!,
          unit: 'ms',
          samples,
          note,
        },
        {
          key: `instances.healthyLoopMaxMs.${size}`,
          value: delay.troubledLoopMaxMs!,
          unit: 'ms',
          samples: 1,
          note: 'longest event-loop delay meanwhile',
        },
        {
          key: `instances.healthyAddedP99Ms.${size}`,
          value: delay.addedP99Ms!,
          unit: 'ms',
          samples,
          note: 'goal: at most 50 ms',
        },
      ];
    }),
  ];
}
