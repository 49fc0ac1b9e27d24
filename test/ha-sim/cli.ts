// `npm run sim`: a Home Assistant simulator on 127.0.0.1 for trying HA Tray without a real server.
import { parseArgs } from 'node:util';
import { startSimulator } from './server';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '8123' },
    host: { type: 'string', default: '127.0.0.1' },
    entities: { type: 'string' },
    rate: { type: 'string', default: '0' },
    'ban-threshold': { type: 'string' },
    help: { type: 'boolean', default: false },
  },
});

if (values.help) {
  console.log(`Usage: npm run sim -- [--port 8123] [--entities N] [--rate EVENTS_PER_SECOND] [--ban-threshold N]

  --port           port to listen on (0 = any free port)
  --entities       generate N entities instead of the default home (about 40 entities)
  --rate           random sensor changes per second
  --ban-threshold  ban an address after N failed logins, like http.login_attempts_threshold`);
  process.exit(0);
}

const toInt = (name: string, value: string | undefined) => {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) {
    console.error(`--${name} must be a whole number, got "${value}"`);
    process.exit(2);
  }
  return n;
};

async function main(): Promise<void> {
  const entities = toInt('entities', values.entities);
  const sim = await startSimulator({
    host: values.host,
    port: toInt('port', values.port),
    home: entities === undefined ? 'default' : { scale: entities },
    eventRatePerSecond: toInt('rate', values.rate),
    banThreshold: toInt('ban-threshold', values['ban-threshold']) ?? null,
  });

  console.log(`Home Assistant simulator ${sim.haVersion} with ${sim.states().length} entities`);
  console.log(`URL:   ${sim.url}`);
  console.log(`Token: ${sim.token}`);
  console.log('Press Ctrl+C to stop.');

  const shutdown = () => void sim.close().then(() => process.exit(0));
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

void main();
