import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fileLogSink, rotationRenames } from '../../../src/main/log/file-sink';

let dir: string;
beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'ha-tray-log-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const mode = (path: string) => statSync(path).mode & 0o777;

describe('fileLogSink', () => {
  it('queues lines and writes them asynchronously, in order, into a 0600 file in a 0700 folder', async () => {
    const path = join(dir, 'logs', 'ha-tray.log');
    const sink = fileLogSink(path);
    sink.write('first line');
    sink.write('second line');
    // Nothing is written on the caller's turn: the write is queued.
    expect(existsSync(path)).toBe(false);
    await sink.flush();
    expect(readFileSync(path, 'utf8')).toBe('first line\nsecond line\n');
    expect(mode(path)).toBe(0o600);
    expect(mode(join(dir, 'logs'))).toBe(0o700);
    await sink.close();
  });

  it('tightens a folder and a file an earlier version left readable by others', async () => {
    const logs = join(dir, 'logs');
    mkdirSync(logs, { mode: 0o755 });
    writeFileSync(join(logs, 'ha-tray.log'), 'old\n', { mode: 0o644 });
    const sink = fileLogSink(join(logs, 'ha-tray.log'));
    sink.write('new');
    await sink.close();
    expect(readFileSync(join(logs, 'ha-tray.log'), 'utf8')).toBe('old\nnew\n');
    expect(mode(join(logs, 'ha-tray.log'))).toBe(0o600);
    expect(mode(logs)).toBe(0o700);
  });

  it('rotates by size and keeps the newest earlier files, .1 the newest', async () => {
    const path = join(dir, 'ha-tray.log');
    const sink = fileLogSink(path, { maxBytes: 12, keep: 2 });
    for (const line of ['line one', 'line two', 'line three', 'line four']) {
      sink.write(line);
      await sink.flush();
    }
    await sink.close();
    expect(readFileSync(path, 'utf8')).toBe('line four\n');
    expect(readFileSync(`${path}.1`, 'utf8')).toBe('line three\n');
    expect(readFileSync(`${path}.2`, 'utf8')).toBe('line two\n');
    expect(existsSync(`${path}.3`)).toBe(false);
    for (const file of [path, `${path}.1`, `${path}.2`]) expect(mode(file)).toBe(0o600);
  });

  it('never throws into the caller when the file cannot be written, and says so once', async () => {
    const blocked = join(dir, 'not-a-folder');
    writeFileSync(blocked, '');
    const errors: unknown[] = [];
    const sink = fileLogSink(join(blocked, 'ha-tray.log'), { onWriteError: (e) => errors.push(e) });
    sink.write('one');
    await sink.flush();
    sink.write('two');
    await sink.close();
    expect(errors).toHaveLength(1);
  });

  it('after close, a line goes only to the echo: nothing is written once the app has quit', async () => {
    const path = join(dir, 'ha-tray.log');
    const echoed: string[] = [];
    const sink = fileLogSink(path, { echo: (line) => echoed.push(line) });
    sink.write('before');
    await sink.close();
    rmSync(dir, { recursive: true, force: true });
    sink.write('after');
    await sink.flush();
    expect(echoed).toEqual(['before', 'after']);
    expect(existsSync(dir)).toBe(false);
  });
});

describe('rotationRenames', () => {
  it('moves the oldest first, so that nothing is overwritten', () => {
    expect(rotationRenames('a.log', 3)).toEqual([
      ['a.log.2', 'a.log.3'],
      ['a.log.1', 'a.log.2'],
      ['a.log', 'a.log.1'],
    ]);
  });
});
