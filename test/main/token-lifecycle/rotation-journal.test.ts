import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NewerFileError } from '../../../src/main/storage/document-format';
import { DamagedFileError } from '../../../src/main/storage/json-file-store';
import type { RotationJournal } from '../../../src/main/token-lifecycle/rotation-journal';
import { fileJournalStore, stepReached } from '../../../src/main/token-lifecycle/rotation-journal';

const journal: RotationJournal = {
  step: 'created',
  direction: 'forward',
  startedAt: 1_700_000_000_000,
  clientName: 'HA Tray on desk 2025-01-15 09:30',
  userId: 'user-1',
  oldTokenId: 'rt1',
  newTokenId: 'rt2',
};

describe('the rotation journal file', () => {
  let dir: string;
  let path: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'ha-tray-journal-'));
    path = join(dir, 'rotation-journal.json');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('reads nothing before the first write, and what was written after', async () => {
    const store = fileJournalStore(path);
    expect(await store.read()).toBeNull();
    await store.write(journal);
    await store.write({ ...journal, step: 'stored' });
    expect(await store.read()).toEqual({ ...journal, step: 'stored' });
  });

  it('replaces the file through a temporary file and leaves none behind', async () => {
    const store = fileJournalStore(path);
    await store.write(journal);
    await store.write({ ...journal, step: 'stored' });
    expect(readdirSync(dir)).toEqual(['rotation-journal.json']);
  });

  it('is gone after clear, and clearing twice is fine', async () => {
    const store = fileJournalStore(path);
    await store.write(journal);
    await store.clear();
    await store.clear();
    expect(await store.read()).toBeNull();
    expect(readdirSync(dir)).toEqual([]);
  });

  it('says when the file is damaged', async () => {
    writeFileSync(path, '{"version":1,"step":"crea');
    await expect(fileJournalStore(path).read()).rejects.toBeInstanceOf(DamagedFileError);
    writeFileSync(path, JSON.stringify({ ...journal, step: 'unknown' }));
    await expect(fileJournalStore(path).read()).rejects.toBeInstanceOf(DamagedFileError);
  });

  it('a file from a newer HA Tray: NewerFileError, and neither a write nor a clear touches it', async () => {
    const newer = JSON.stringify({ version: 2, steps: ['created'] });
    writeFileSync(path, newer);
    const store = fileJournalStore(path);
    await expect(store.read()).rejects.toBeInstanceOf(NewerFileError);
    await expect(store.write(journal)).rejects.toBeInstanceOf(NewerFileError);
    await expect(store.clear()).rejects.toBeInstanceOf(NewerFileError);
    expect(readFileSync(path, 'utf8')).toBe(newer);
  });

  it('holds ids and names, never a token', async () => {
    await fileJournalStore(path).write(journal);
    expect(Object.keys(JSON.parse(readFileSync(path, 'utf8'))).sort()).toEqual([
      'clientName',
      'direction',
      'newTokenId',
      'oldTokenId',
      'startedAt',
      'step',
      'userId',
      'version',
    ]);
  });

  it('orders the steps', () => {
    expect(stepReached(journal, 'started')).toBe(true);
    expect(stepReached(journal, 'created')).toBe(true);
    expect(stepReached(journal, 'stored')).toBe(false);
  });
});
