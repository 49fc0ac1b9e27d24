import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { runLoginFlow } from '../support/browser-login';
import { RawClient } from '../support/raw-ws-client';
import { parseCliOptions } from './cli-options';

const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
});

function runCli(args: string[]): {
  child: ChildProcess;
  printed: Promise<{ url: string; token: string; login: { username: string; password: string } }>;
} {
  const tsx = resolve(process.cwd(), 'node_modules/.bin/tsx');
  const child = spawn(tsx, [fileURLToPath(new URL('./cli.ts', import.meta.url)), ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let out = '';
  const printed = new Promise<{
    url: string;
    token: string;
    login: { username: string; password: string };
  }>((done, fail) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const url = /URL:\s+(\S+)/.exec(out)?.[1];
      const token = /Token:\s+(\S+)/.exec(out)?.[1];
      const [, username, password] = /Login:\s+(\S+) \/ (\S+)/.exec(out) ?? [];
      if (url && token && username && password) done({ url, token, login: { username, password } });
    });
    child.once('exit', (code) => fail(new Error(`exited with ${code}: ${out}`)));
  });
  return { child, printed };
}

describe('npm run sim', () => {
  it('prints a URL, a token a WebSocket client can use and a login for the sign-in page, and stops on Ctrl+C', async () => {
    const { child, printed } = runCli(['--port', '0', '--entities', '50']);
    const { url, token, login } = await printed;
    const clientId = 'http://127.0.0.1:1/';
    expect(
      await runLoginFlow({ origin: url, clientId, redirectUri: `${clientId}callback` }, login),
    ).toMatch(/^[0-9a-f]{32}$/);
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const client = await RawClient.authenticated(url, token);
    expect((await client.command({ type: 'get_states' })).result).toHaveLength(50);
    client.close();
    const exited = new Promise<number | null>((done) => child.once('exit', done));
    child.kill('SIGINT');
    expect(await exited).toBe(0);
  });
});

describe('command-line options', () => {
  it('maps --port, --entities, --rate, --ban-threshold, --ha and --units to simulator options', () => {
    expect(
      parseCliOptions([
        '--port',
        '0',
        '--entities',
        '10000',
        '--rate',
        '5',
        '--ban-threshold',
        '3',
        '--ha',
        '2026',
        '--units',
        'us_customary',
      ]),
    ).toEqual({
      help: false,
      options: {
        host: '127.0.0.1',
        port: 0,
        home: { scale: 10_000 },
        eventRatePerSecond: 5,
        banThreshold: 3,
        haVersion: '2026.2.3',
        unitSystem: 'us_customary',
      },
    });
    expect(parseCliOptions([])).toEqual({
      help: false,
      options: {
        host: '127.0.0.1',
        port: 8123,
        home: 'default',
        eventRatePerSecond: 0,
        banThreshold: null,
        haVersion: '2024.1.6',
        unitSystem: 'metric',
      },
    });
    expect(parseCliOptions(['--help'])).toEqual({ help: true });
  });

  it('refuses what is not a whole number', () => {
    expect(() => parseCliOptions(['--entities', 'many'])).toThrow(
      '--entities must be a whole number, got "many"',
    );
    expect(() => parseCliOptions(['--rate=-1'])).toThrow('--rate must be a whole number');
    expect(() => parseCliOptions(['--verbose'])).toThrow();
    expect(() => parseCliOptions(['--ha', '2025'])).toThrow(
      '--ha must be 2024 or 2026, got "2025"',
    );
    expect(() => parseCliOptions(['--units', 'imperial'])).toThrow(
      '--units must be metric or us_customary, got "imperial"',
    );
  });
});
