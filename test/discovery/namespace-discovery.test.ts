import { execFileSync, spawn } from 'node:child_process';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AnnouncedService } from '../../src/main/discovery/service-browser';
import type { DiscoveryView } from '../../src/shared/discovery';
import { ensureZeroconfVenv } from './zeroconf-venv';

/**
 * A network of its own, so that no multicast packet leaves this computer: `unshare -n` (root
 * only) makes a namespace with nothing but loopback, which is brought up with a route for
 * multicast (without `src`, the packets would leave from 0.0.0.0). The vitest worker stays
 * outside; the helper runs inside and reports JSON.
 */
const NAMESPACE_SETUP =
  'ip link set lo up && ip route add 224.0.0.0/4 dev lo src 127.0.0.1 && exec "$1" --import tsx "$2" "$3" "$4"';
const HELPER = join(import.meta.dirname, 'responder-in-namespace.ts');
const PROJECT_DIR = join(import.meta.dirname, '../..');

interface Report {
  spec: { uuid: string; internal_url: string; port: number; external_url: string };
  heard: AnnouncedService[];
  view: DiscoveryView;
}

function inNamespace(python: string, variant = ''): Promise<Report> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      'unshare',
      ['-n', '--', 'sh', '-c', NAMESPACE_SETUP, 'sh', process.execPath, HELPER, python, variant],
      { cwd: PROJECT_DIR, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`the namespace helper failed (${code}): ${err}`));
      resolve(JSON.parse(out.trim().split('\n').at(-1)!) as Report);
    });
  });
}

/** Root can make a network namespace; anyone else only outside CI gets a skip, with the reason. */
const isRoot = process.getuid?.() === 0;
const mustRun = isRoot || process.env.CI === 'true';

describe.skipIf(!mustRun)('discovery against a real responder in a network namespace', () => {
  let python: string;
  beforeAll(() => {
    // In CI a run without root fails here, with the reason, rather than skipping.
    if (!isRoot) throw new Error('the namespace test needs root (unshare -n); CI runs as root');
    execFileSync('ip', ['-V']);
    python = ensureZeroconfVenv();
  });

  it("finds Home Assistant's own record and offers its internal_url", async () => {
    const { spec, heard, view } = await inNamespace(python);
    expect(heard[0]).toMatchObject({
      name: 'Our Home._home-assistant._tcp.local',
      host: `${spec.uuid}.local`,
      port: spec.port,
      addresses: ['127.0.0.1'],
      txt: {
        location_name: 'Our Home',
        uuid: spec.uuid,
        version: '2026.2.3',
        internal_url: spec.internal_url,
        external_url: spec.external_url,
        base_url: spec.external_url,
      },
    });
    expect(view).toEqual({
      state: 'browsing',
      message: null,
      instances: [
        {
          uuid: spec.uuid,
          locationName: 'Our Home',
          url: spec.internal_url,
          version: '2026.2.3',
          supported: true,
          savedAs: null,
        },
      ],
    });
  });

  it('offers the announced address and port when the internal_url is announced empty', async () => {
    const { spec, view } = await inNamespace(python, 'no-internal-url');
    expect(spec.internal_url).toBe('');
    expect(view.instances).toMatchObject([
      { uuid: spec.uuid, url: `http://127.0.0.1:${spec.port}` },
    ]);
  });
});
