// `npm run sim`: a Home Assistant simulator for trying HA Tray by hand. Runs until Ctrl+C.
import { parseCliOptions, USAGE } from './cli-options';
import { SIM_OWNER_LOGIN, startSimulator } from './simulator';

async function main(): Promise<void> {
  let parsed;
  try {
    parsed = parseCliOptions(process.argv.slice(2));
  } catch (err) {
    console.error(`${(err as Error).message}\n\n${USAGE}`);
    process.exit(2);
  }
  if (parsed.help) {
    console.log(USAGE);
    return;
  }
  const sim = await startSimulator(parsed.options);
  console.log(`Home Assistant ${sim.haVersion} simulator with ${sim.states().length} entities`);
  console.log(`URL:   ${sim.url}`);
  console.log(`Token: ${sim.token}`);
  // For "Sign in with Home Assistant" on the simulator's login page (/auth/authorize).
  console.log(`Login: ${SIM_OWNER_LOGIN.username} / ${SIM_OWNER_LOGIN.password}`);
  console.log('Press Ctrl+C to stop.');
  const shutdown = () => void sim.close().then(() => process.exit(0));
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

void main();
