import { RealHa } from './harness';
import { besideRelease, selectedRelease } from './releases';

/**
 * The side-by-side suites' two Home Assistants, started at once: "Home" on the chosen release and
 * "Cabin" on the release beside it (2024.1; scripts/test-ha.ts says which).
 */
export async function startHomeAndCabin(): Promise<{ home: RealHa; cabin: RealHa }> {
  const [home, cabin] = await RealHa.startSeveral([
    { release: selectedRelease(), locationName: 'Home' },
    { release: besideRelease(), locationName: 'Cabin' },
  ]);
  return { home: home!, cabin: cabin! };
}
