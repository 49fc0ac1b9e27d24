import { readFileSync, writeFileSync } from 'node:fs';
import { z } from 'zod';
import { recentCrashes } from './crash-policy';

const journalSchema = z.object({ version: z.literal(1), crashes: z.array(z.number()).max(100) });

/** When main crashed lately, for the crash-loop guard: read at start, written as main goes down. */
export interface CrashJournal {
  crashes(): number[];
  record(at: number): void;
}

/**
 * The crash times in a small file of their own. Written synchronously on purpose: it is written
 * from the uncaught-exception handler, just before the process exits. A file that cannot be read
 * (none yet, damaged) means no recent crash.
 */
export function fileCrashJournal(path: string): CrashJournal {
  const crashes = () => {
    try {
      return journalSchema.parse(JSON.parse(readFileSync(path, 'utf8'))).crashes;
    } catch {
      return [];
    }
  };
  return {
    crashes,
    record(at) {
      const kept = [...recentCrashes(crashes(), at), at];
      writeFileSync(path, JSON.stringify({ version: 1, crashes: kept }), { mode: 0o600 });
    },
  };
}
