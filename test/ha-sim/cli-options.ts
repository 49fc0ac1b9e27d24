import { parseArgs } from 'node:util';
import { HA_GENERATIONS, HA_RELEASE } from './generation';
import type { UnitSystemName } from './config';
import type { SimulatorOptions } from './simulator';

const UNIT_SYSTEMS: readonly UnitSystemName[] = ['metric', 'us_customary'];

export const USAGE = `Usage: npm run sim -- [--port 8123] [--host 127.0.0.1] [--entities N] [--rate N] [--ban-threshold N] [--ha 2024|2026] [--units metric|us_customary]

  --port           port to listen on (default 8123; 0 = any free port)
  --host           address to listen on (default 127.0.0.1)
  --entities       N generated entities instead of the default home (about 45 entities)
  --rate           random state changes per second (default 0)
  --ban-threshold  ban an address after N failed logins, like http.login_attempts_threshold
  --ha             the Home Assistant to copy: 2024 (2024.1.6, default) or 2026 (2026.2.3)
  --units          the home's unit system: metric (default) or us_customary (°F, miles, ...)`;

export type CliOptions = { help: true } | { help: false; options: SimulatorOptions };

/** `npm run sim` arguments; throws an Error whose message says what is wrong. */
export function parseCliOptions(args: string[]): CliOptions {
  const { values } = parseArgs({
    args,
    options: {
      port: { type: 'string', default: '8123' },
      host: { type: 'string', default: '127.0.0.1' },
      entities: { type: 'string' },
      rate: { type: 'string', default: '0' },
      'ban-threshold': { type: 'string' },
      ha: { type: 'string', default: '2024' },
      units: { type: 'string', default: 'metric' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) return { help: true };
  const count = (name: string, value: string | undefined) => {
    if (value === undefined) return undefined;
    const n = Number(value);
    if (value.trim() === '' || !Number.isInteger(n) || n < 0)
      throw new Error(`--${name} must be a whole number, got "${value}"`);
    return n;
  };
  const entities = count('entities', values.entities);
  const generation = HA_GENERATIONS.find((g) => g.startsWith(`${values.ha}.`));
  if (!generation) throw new Error(`--ha must be 2024 or 2026, got "${values.ha}"`);
  const unitSystem = UNIT_SYSTEMS.find((name) => name === values.units);
  if (!unitSystem) throw new Error(`--units must be metric or us_customary, got "${values.units}"`);
  return {
    help: false,
    options: {
      host: values.host,
      port: count('port', values.port),
      home: entities === undefined ? 'default' : { scale: entities },
      eventRatePerSecond: count('rate', values.rate),
      banThreshold: count('ban-threshold', values['ban-threshold']) ?? null,
      haVersion: HA_RELEASE[generation],
      unitSystem,
    },
  };
}
