import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { fileLogSink } from '../../../src/main/log/file-sink';

const dir = mkdtempSync(join(tmpdir(), 'ha-tray-log-'));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('fileLogSink', () => {
  it('appends lines and keeps one previous file when the log grows too big', () => {
    const path = join(dir, 'logs', 'ha-tray.log');
    const sink = fileLogSink(path, 20);
    sink.write('first line');
    sink.write('second line');
    expect(readFileSync(path, 'utf8')).toBe('first line\nsecond line\n');
    sink.write('third line');
    expect(readFileSync(`${path}.1`, 'utf8')).toBe('first line\nsecond line\n');
    expect(readFileSync(path, 'utf8')).toBe('third line\n');
    expect(existsSync(`${path}.2`)).toBe(false);
  });
});
