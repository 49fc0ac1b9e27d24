import { describe } from 'vitest';
import { HA_GENERATIONS, HA_RELEASE, type HaGeneration } from '../ha-sim';
import { chromiumPath } from './chromium';
import { screenshotPath } from './harness';

// Apart from harness.ts, which `npm run bench` loads outside vitest (vitest cannot be required there).

/** The Home Assistant a journey runs against: the simulator in one of its generations. */
export interface JourneyPeer {
  generation: HaGeneration;
  haVersion: string;
  /** Where to write a screenshot: only the first generation's run writes them. */
  screenshot(name: string): string | null;
}

/**
 * Defines a journey once per Home Assistant generation the simulator speaks, each with its own
 * browser and app, so that every journey also passes against today's Home Assistant. Skipped,
 * with the reason in its title, where no Chromium is installed.
 */
export function describeJourney(
  title: string,
  body: (peer: JourneyPeer, chromiumPath: string) => void,
): void {
  const browser = chromiumPath();
  for (const generation of HA_GENERATIONS) {
    const haVersion = HA_RELEASE[generation];
    const peer: JourneyPeer = {
      generation,
      haVersion,
      screenshot: (name) => (generation === HA_GENERATIONS[0] ? screenshotPath(name) : null),
    };
    describe.skipIf(!browser)(
      `${title} in Chromium against Home Assistant ${haVersion}${browser ? '' : ' (skipped: no Chromium; apt-get install chromium or set CHROMIUM_PATH)'}`,
      () => body(peer, browser!),
    );
  }
}
