import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { freePort } from '../support/free-port';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { homeConfiguration } from './home-config';
import {
  assignAreas,
  provisionOwner,
  provisionUser,
  setRegistryIcons,
  type ProvisionedUser,
  type ProvisionUserOptions,
} from './provision';
import { selectedRelease, type RealHaRelease } from './releases';
import { ensureVenv, venvPython } from './venv';

export interface RealHaOptions {
  banThreshold?: number;
  /**
   * Home Assistant's location name (`homeassistant: name:`), which HA Tray names an instance after:
   * two at once tell themselves apart by it. Default: "Test Home".
   */
  locationName?: string;
  /** Default: the release `npm run test:ha -- --ha <year>` chose. */
  release?: RealHaRelease;
  log?: (line: string) => void;
}

const quiet = () => {};
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** `count` different free ports: two asked one after the other may get the same one back. */
async function distinctFreePorts(count: number): Promise<number[]> {
  const ports = new Set<number>();
  while (ports.size < count) ports.add(await freePort());
  return [...ports];
}

/** A real Home Assistant on 127.0.0.1 with the test home, for the conformance and e2e suites. */
export class RealHa {
  readonly version: string;
  token = '';
  private child: ChildProcess | null = null;
  private exited: Promise<number | null> = Promise.resolve(null);

  private constructor(
    readonly url: string,
    readonly port: number,
    readonly configDir: string,
    readonly release: RealHaRelease,
    private readonly log: (line: string) => void,
  ) {
    this.version = release.version;
  }

  static async start(options: RealHaOptions = {}): Promise<RealHa> {
    const release = options.release ?? selectedRelease();
    ensureVenv(release, options.log ?? quiet);
    return RealHa.startOn(await freePort(), release, options);
  }

  /**
   * Several Home Assistants at once, each with its own port, config folder, owner and token, started
   * at once (two of them on two cores take about as long as one). If one fails to start, the others
   * are destroyed and the first failure is thrown.
   */
  static async startSeveral(each: readonly RealHaOptions[]): Promise<RealHa[]> {
    const releases = each.map((options) => options.release ?? selectedRelease());
    // Builds run one at a time: two pips filling the same venv would trip over each other.
    for (const [i, release] of releases.entries()) ensureVenv(release, each[i]!.log ?? quiet);
    const ports = await distinctFreePorts(each.length);
    const started = await Promise.allSettled(
      each.map((options, i) => RealHa.startOn(ports[i]!, releases[i]!, options)),
    );
    const failed = started.find((s): s is PromiseRejectedResult => s.status === 'rejected');
    const running = started.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
    if (!failed) return running;
    await Promise.all(running.map((ha) => ha.destroy()));
    throw failed.reason;
  }

  private static async startOn(
    port: number,
    release: RealHaRelease,
    options: RealHaOptions,
  ): Promise<RealHa> {
    const configDir = mkdtempSync(join(tmpdir(), 'ha-tray-real-ha-'));
    writeFileSync(join(configDir, 'configuration.yaml'), homeConfiguration(port, options));
    const ha = new RealHa(
      `http://127.0.0.1:${port}`,
      port,
      configDir,
      release,
      options.log ?? quiet,
    );
    try {
      await ha.provision();
    } catch (err) {
      await ha.destroy();
      throw err;
    }
    return ha;
  }

  /** Starts the fresh config folder and makes its owner, token, areas and icons. */
  private async provision(): Promise<void> {
    await this.launch();
    const { token } = await provisionOwner(this.url);
    this.token = token;
    await this.waitUntilRunning();
    // The simulator's default home puts the entities both homes share in these areas.
    await assignAreas(this.url, token, {
      'Living room': [
        'cover.living_room_blinds',
        'climate.living_room',
        'media_player.living_room_speaker',
        'sensor.living_room_temperature',
        'scene.movie_night',
      ],
      Kitchen: ['light.kitchen', 'switch.coffee_machine', 'sensor.washing_machine_power'],
      Hallway: ['light.hallway', 'lock.front_door', 'binary_sensor.front_door'],
      Garage: ['cover.garage_door'],
      Bedroom: ['fan.bedroom_fan'],
      Office: ['switch.heater', 'button.restart_router'],
    });
    await setRegistryIcons(this.url, token, { 'switch.heater': 'mdi:radiator' });
  }

  /**
   * A non-admin user with a username and password (`username`, `password`) and a long-lived token of
   * theirs (`token`), which lists their tokens over the WebSocket without making one.
   */
  createUser(name: string, options?: ProvisionUserOptions): Promise<ProvisionedUser> {
    return provisionUser(this.url, this.token, name, options);
  }

  /** The `hass` process while it runs. */
  get pid(): number | undefined {
    return this.child?.pid;
  }

  /** Starts `hass` and waits until /api/config says RUNNING (the port opens before that). */
  async launch(): Promise<void> {
    const child = spawn(
      venvPython(this.release),
      [
        join(import.meta.dirname, 'launch.py'),
        '--config',
        this.configDir,
        '--skip-pip',
        '--log-file',
        join(this.configDir, 'home-assistant.log'),
      ],
      {
        stdio: ['ignore', 'ignore', 'pipe'],
        // Any SUPERVISOR variable, even empty, makes Home Assistant load the hassio integration.
        env: Object.fromEntries(
          Object.entries(process.env).filter(([name]) => name !== 'SUPERVISOR'),
        ),
      },
    );
    this.child = child;
    let stderr = '';
    child.stderr!.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString()).slice(-4000);
    });
    this.exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
    const deadline = Date.now() + 180_000;
    while (Date.now() < deadline) {
      if (child.exitCode !== null)
        throw new Error(`Home Assistant exited with ${child.exitCode}: ${stderr}`);
      try {
        // Before onboarding there is no token: /api/onboarding answers once HTTP is up, and
        // start() waits for RUNNING after provisioning. Later, /api/config tells RUNNING.
        const res = this.token
          ? await fetch(`${this.url}/api/config`, {
              headers: { Authorization: `Bearer ${this.token}` },
            })
          : await fetch(`${this.url}/api/onboarding`);
        if (
          res.ok &&
          (!this.token || ((await res.json()) as { state?: string }).state === 'RUNNING')
        )
          return;
      } catch {
        // not listening yet
      }
      await sleep(250);
    }
    throw new Error(`Home Assistant did not start within 180 s. Log:\n${this.logTail()}`);
  }

  private async waitUntilRunning(): Promise<void> {
    const deadline = Date.now() + 120_000;
    while (Date.now() < deadline) {
      const res = await fetch(`${this.url}/api/config`, {
        headers: { Authorization: `Bearer ${this.token}` },
      }).catch(() => null);
      if (res?.ok && ((await res.json()) as { state?: string }).state === 'RUNNING') return;
      await sleep(250);
    }
    throw new Error(`Home Assistant did not reach RUNNING. Log:\n${this.logTail()}`);
  }

  logTail(): string {
    try {
      return readFileSync(join(this.configDir, 'home-assistant.log'), 'utf8').slice(-6000);
    } catch {
      return '';
    }
  }

  /** SIGTERM, then SIGKILL if shutdown stages hang. */
  async stop(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    child.kill('SIGTERM');
    const code = await Promise.race([this.exited, sleep(60_000).then(() => 'timeout' as const)]);
    if (code === 'timeout') {
      child.kill('SIGKILL');
      await this.exited;
    }
    this.child = null;
  }

  /** Stop and start the same config folder: tokens survive, sockets drop. */
  async restart(): Promise<void> {
    await this.stop();
    await this.launch();
  }

  async destroy(): Promise<void> {
    await this.stop();
    rmSync(this.configDir, { recursive: true, force: true });
  }
}
