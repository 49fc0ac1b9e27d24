import { NewerFileError } from '../../../../src/main/storage/document-format';
import { DamagedFileError } from '../../../../src/main/storage/json-file-store';
import {
  JOURNAL_FORMAT,
  type JournalStore,
  type RotationJournal,
} from '../../../../src/main/token-lifecycle/rotation-journal';
import type { CrashSwitch } from './crash-switch';

/** The journal "on disk", kept in memory; every write is kept for inspection. */
export class MemoryJournalStore implements JournalStore {
  saved: RotationJournal | null = null;
  damaged = false;
  /** The version of a journal a newer HA Tray wrote: read, write and clear refuse, as the file's do. */
  newer: number | null = null;
  failWrites = false;
  readonly history: string[] = [];

  constructor(private readonly crash: () => CrashSwitch) {}

  async read(): Promise<RotationJournal | null> {
    if (this.damaged) throw new DamagedFileError('rotation-journal.json');
    this.refuseNewer();
    return this.saved;
  }

  async write(journal: RotationJournal): Promise<void> {
    this.refuseNewer();
    this.crash().point(`journal.write:${journal.step}:${journal.direction}`);
    if (this.failWrites) throw new Error('fake journal: disk full');
    this.saved = structuredClone(journal);
    this.history.push(JSON.stringify(journal));
    this.crash().point(`journal.write:${journal.step}:${journal.direction}:done`);
  }

  async flush(): Promise<void> {}

  async clear(): Promise<void> {
    this.refuseNewer();
    this.crash().point('journal.clear');
    this.saved = null;
    this.damaged = false;
    this.crash().point('journal.clear:done');
  }

  private refuseNewer(): void {
    if (this.newer !== null)
      throw new NewerFileError('rotation-journal.json', JOURNAL_FORMAT, this.newer);
  }
}
