/**
 * The two Home Assistant generations the simulator speaks: 2024.1 (the newest release for Python
 * 3.11, our real test peer) and 2026.2 (what users run today). Where they differ the README lists
 * each difference with the place in Home Assistant's source that shows it.
 */
export type HaGeneration = '2024.1' | '2026.2';

export const HA_GENERATIONS: readonly HaGeneration[] = ['2024.1', '2026.2'];

/** The release each generation was read off. */
export const HA_RELEASE: Record<HaGeneration, string> = {
  '2024.1': '2024.1.6',
  '2026.2': '2026.2.3',
};

/** The generation of a version string such as '2024.1.6'; anything else is refused in plain words. */
export function generationOf(haVersion: string): HaGeneration {
  const generation = HA_GENERATIONS.find((g) => haVersion.startsWith(`${g}.`));
  if (!generation)
    throw new Error(
      `The simulator speaks Home Assistant 2024.1.x and 2026.2.x, not ${JSON.stringify(haVersion)}.`,
    );
  return generation;
}
