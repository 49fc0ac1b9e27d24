import { afterAll, beforeAll, describe } from 'vitest';
import {
  HA_GENERATIONS,
  HA_RELEASE,
  startSimulator,
  type HaGeneration,
  type HaSimulator,
} from '../ha-sim';
import { haAnswer } from '../fakes/service-browser';
import { chromiumPath } from './chromium';
import { E2eHarness, screenshotPath } from './harness';

// Apart from harness.ts, which `npm run bench` loads outside vitest (vitest cannot be required there).

/** The Home Assistant a journey runs against: the simulator in one of its generations. */
export interface JourneyPeer {
  generation: HaGeneration;
  haVersion: string;
  /** Where to write a screenshot: only the run against the journey's first generation writes them. */
  screenshot(name: string): string | null;
}

export interface JourneyOptions {
  /**
   * The generations to run against; default every one. A journey about the app's own pages
   * (layout, axe, keyboard, desktop) gains nothing from a second run, only minutes.
   */
  generations?: readonly HaGeneration[];
}

/**
 * Defines a journey once per Home Assistant generation the simulator speaks, each with its own
 * browser and app, so that every journey also passes against today's Home Assistant. Skipped,
 * with the reason in its title, where no Chromium is installed.
 */
export function describeJourney(
  title: string,
  body: (peer: JourneyPeer, chromiumPath: string) => void,
  { generations = HA_GENERATIONS }: JourneyOptions = {},
): void {
  const browser = chromiumPath();
  for (const generation of generations) {
    const haVersion = HA_RELEASE[generation];
    const peer: JourneyPeer = {
      generation,
      haVersion,
      screenshot: (name) => (generation === generations[0] ? screenshotPath(name) : null),
    };
    describe.skipIf(!browser)(
      `${title} in Chromium against Home Assistant ${haVersion}${browser ? '' : ' (skipped: no Chromium; apt-get install chromium or set CHROMIUM_PATH)'}`,
      () => body(peer, browser!),
    );
  }
}

/** How a journey's home and app start. */
export interface JourneyStart {
  /** The home's name; default 'Home'. */
  locationName?: string;
  /**
   * The token the app connects with, made on the simulator; default the owner's. `false` leaves
   * the app unconfigured, as on a first run.
   */
  connect?: false | ((sim: HaSimulator) => string);
  /** What else the journey needs before its first test, e.g. favourites. */
  ready?: (app: JourneyApp) => unknown;
}

/** The simulated home and the app in a browser, both there from the journey's first test on. */
export interface JourneyApp {
  readonly sim: HaSimulator;
  readonly harness: E2eHarness;
}

/**
 * Starts a simulator of the peer's generation and the app (connected to it, unless `connect` is
 * false) before a journey's tests, and closes both after them. Call it in a describeJourney body.
 */
export function journeyApp(
  peer: JourneyPeer,
  browser: string,
  start: JourneyStart = {},
): JourneyApp {
  let sim: HaSimulator | undefined;
  let harness: E2eHarness | undefined;
  const app: JourneyApp = {
    get sim() {
      if (!sim) throw new Error('The simulator starts in beforeAll: use it inside a test.');
      return sim;
    },
    get harness() {
      if (!harness) throw new Error('The app starts in beforeAll: use it inside a test.');
      return harness;
    },
  };
  beforeAll(async () => {
    sim = await startSimulator({
      locationName: start.locationName ?? 'Home',
      haVersion: peer.haVersion,
    });
    harness = await E2eHarness.start({ chromiumPath: browser });
    if (start.connect !== false)
      await harness.connectTo(sim.url, start.connect ? start.connect(sim) : sim.token);
    await start.ready?.(app);
  }, 120_000);
  afterAll(async () => {
    await harness?.close();
    await sim?.close();
  });
  return app;
}

/**
 * The simulator joins the app's (fake) network and announces itself as Home Assistant's zeroconf
 * does: its `uuid`, `location_name` and `version` in the TXT record, and its own address as
 * `internal_url`, the address the app offers first (src/main/discovery/announcement.ts). The
 * announced addresses are loopback too, so nothing the app might probe is off this machine.
 */
export function announceSimulator(app: JourneyApp, locationName: string, uuid: string): void {
  const { sim } = app;
  app.harness.serviceBrowser.announce(
    haAnswer({
      name: locationName,
      uuid,
      addresses: ['127.0.0.1'],
      port: sim.port,
      txt: { version: sim.haVersion, internal_url: sim.url },
    }),
  );
}
