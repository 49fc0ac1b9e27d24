import { join } from 'node:path';
import type { HaGeneration } from '../ha-sim/generation';

/** A Python version as [major, minor, micro]. */
export type PythonVersion = readonly [number, number, number];

/** A Home Assistant release the real-HA suites can run against, and what it needs. */
export interface RealHaRelease {
  generation: HaGeneration;
  version: string;
  /** The Python versions it installs on: at least `min`, below `below`. */
  python: { min: PythonVersion; below: PythonVersion };
  /** Interpreters worth trying, by name on PATH, in order. */
  pythonNames: readonly string[];
  /**
   * Requirements of the integrations the test home loads (read off their manifests, with their
   * dependencies and the release's DEFAULT_INTEGRATIONS from bootstrap.py), installed up front so
   * that Home Assistant runs with --skip-pip and never reaches for the network.
   */
  integrationRequirements: readonly string[];
  /**
   * Pins for the whole venv: our frozen file, or null to take the release's own
   * `homeassistant/package_constraints.txt` out of its wheel.
   */
  constraintsFile: string | null;
  /**
   * A CPython source that fits, for machines that have none (`npm run test:ha -- --build-python`):
   * built once into the cache. Absent where every supported machine has a fitting Python.
   */
  pythonSource?: PythonSource;
}

/** An upstream CPython source tarball, pinned by its SHA-256. */
export interface PythonSource {
  version: PythonVersion;
  url: string;
  sha256: string;
}

export const REAL_HA_RELEASES: Record<HaGeneration, RealHaRelease> = {
  // The newest release that installs on Python 3.11.
  '2024.1': {
    generation: '2024.1',
    version: '2024.1.6',
    python: { min: [3, 11, 0], below: [3, 13, 0] },
    pythonNames: ['python3', 'python3.12', 'python3.11'],
    integrationRequirements: [
      'aiohttp-fast-url-dispatcher==0.3.0',
      'aiohttp-zlib-ng==0.1.3',
      'aiohttp_cors==0.7.0',
      'Pillow==10.1.0',
      'SQLAlchemy==2.0.23',
      'fnv-hash-fast==0.5.0',
      'psutil-home-assistant==0.0.1',
    ],
    constraintsFile: join(import.meta.dirname, 'constraints.txt'),
  },
  // Requires-Python >=3.13.2 (its wheel's METADATA). From 2024.2 on `frontend` is always loaded
  // and critical, so its large wheel must be there; analytics, backup, hardware, network and
  // person (image_upload) are default integrations with requirements of their own.
  '2026.2': {
    generation: '2026.2',
    version: '2026.2.3',
    python: { min: [3, 13, 2], below: [3, 15, 0] },
    pythonNames: ['python3.13', 'python3.14', 'python3'],
    integrationRequirements: [
      'Pillow==12.0.0',
      'cronsim==2.7',
      'home-assistant-frontend==20260128.6',
      'ifaddr==0.2.0',
      'psutil-home-assistant==0.0.1',
      'securetar==2025.2.1',
    ],
    constraintsFile: null,
    // The upstream tarball Debian 13 builds its python3.13 from (Debian's archive is one of the
    // places this project may install from; the hash is the one in python3.13_3.13.5-2+deb13u5.dsc).
    pythonSource: {
      version: [3, 13, 5],
      url: 'http://deb.debian.org/debian/pool/main/p/python3.13/python3.13_3.13.5.orig.tar.xz',
      sha256: '93e583f243454e6e9e4588ca2c2662206ad961659863277afcdb96801647d640',
    },
  },
};

/** The release `npm run test:ha -- --ha <year>` chose (scripts/test-ha.ts passes it on as HA_TRAY_HA). */
export function selectedRelease(env: NodeJS.ProcessEnv = process.env): RealHaRelease {
  return releaseFor(env.HA_TRAY_HA ?? '2024');
}

/** `2024`, `2024.1`, `2026`, `2026.2` (or a full version of one of them) name a release. */
export function releaseFor(name: string): RealHaRelease {
  const release = Object.values(REAL_HA_RELEASES).find(
    (r) => name === r.generation.split('.')[0] || name === r.generation || name === r.version,
  );
  if (!release)
    throw new Error(
      `Unknown Home Assistant release ${JSON.stringify(name)}: use --ha 2024 or --ha 2026.`,
    );
  return release;
}

/**
 * The release of the second Home Assistant in the side-by-side suites: 2024.1, beside 2024.1 or
 * beside 2026.2 (scripts/test-ha.ts passes its choice on as HA_TRAY_HA_BESIDE).
 */
export function besideRelease(env: NodeJS.ProcessEnv = process.env): RealHaRelease {
  return releaseFor(env.HA_TRAY_HA_BESIDE ?? '2024.1');
}

/**
 * 2024.1 beside the chosen release, when `installed` has it in place (it installs it where it can);
 * otherwise the chosen release twice, with the one line that says why (the suites still run two at
 * once rather than being skipped).
 */
export function chooseBeside(
  release: RealHaRelease,
  installed: (release: RealHaRelease) => { ok: true } | { ok: false; reason: string },
): { release: RealHaRelease; note?: string } {
  const wanted = REAL_HA_RELEASES['2024.1'];
  if (wanted === release) return { release };
  const choice = installed(wanted);
  if (choice.ok) return { release: wanted };
  return {
    release,
    note: `Side by side, ${release.version} runs twice: ${wanted.version} is not available here (${choice.reason})`,
  };
}
