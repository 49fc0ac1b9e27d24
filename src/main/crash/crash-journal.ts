import { readFileSync, writeFileSync } from 'node:fs';
import { z } from 'zod';
import { readDocument, type DocumentFormat } from '../storage/document-format';
import { recentCrashes } from './crash-policy';

/** The crash journal's format (docs/architecture.md, "Files the app writes"). */
export const CRASH_JOURNAL_FORMAT: DocumentFormat = {
  label: 'crash times',
  versionKey: 'version',
  version: 1,
  unversioned: null,
  migrations: [],
};

const journalSchema = z.object({ version: z.literal(1), crashes: z.array(z.number()).max(100) });

/** When main crashed lately, for the crash-loop guard: read at start, written as main goes down. */
export interface CrashJournal {
  crashes(): number[];
  record(at: number): void;
}

function readText(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null;
  }
}

/**
 * The crash times in a small file of their own. Written synchronously on purpose: it is written
 * from the uncaught-exception handler, just before the process exits. A file that cannot be read
 * (none yet, damaged) means no recent crash; one a newer HA Tray wrote is never overwritten.
 */
export function fileCrashJournal(path: string): CrashJournal {
  const read = () => readDocument(readText(path), CRASH_JOURNAL_FORMAT);
  const crashes = () => {
    const document = read();
    if (document.kind !== 'ok') return [];
    const parsed = journalSchema.safeParse(document.raw);
    return parsed.success ? parsed.data.crashes : [];
  };
  return {
    crashes,
    record(at) {
      if (read().kind === 'newer') return;
      const kept = [...recentCrashes(crashes(), at), at];
      writeFileSync(path, JSON.stringify({ version: 1, crashes: kept }), { mode: 0o600 });
    },
  };
}
