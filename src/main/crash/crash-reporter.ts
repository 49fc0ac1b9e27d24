import { ListenerError } from '../../shared/emitter';
import type { Logger } from '../log/logger';
import type { CrashJournal } from './crash-journal';
import { afterFatalError } from './crash-policy';

export interface CrashReporterDeps {
  logger: Pick<Logger, 'error'>;
  journal: CrashJournal;
  now: () => number;
  /** This run started held back by the crash-loop guard. */
  heldBackByGuard: boolean;
  /** Resolves once the log is on disk: the last lines before an exit are the ones that matter. */
  flushLog: () => Promise<void>;
  relaunch: () => void;
  exit: (code: number) => void;
}

/** What Electron says of a process that is gone (`render-process-gone`, `child-process-gone`). */
export interface GoneDetails {
  reason: string;
  exitCode: number;
  type?: string;
  name?: string;
}

/**
 * Main's last line of defence: every uncaught exception, unhandled rejection and process that is
 * gone is logged (redacted, with stack and cause, by the logger). A listener's error, thrown again
 * by an emitter (src/shared/emitter.ts), is a bug in one subscriber: logged, and the app goes on.
 * Any other uncaught exception leaves main in an unknown state: the crash is recorded for the
 * guard and the app relaunches once (src/main/crash/crash-policy.ts).
 */
export function createCrashReporter(deps: CrashReporterDeps) {
  let exiting = false;
  return {
    uncaughtException(error: unknown): void {
      if (error instanceof ListenerError) {
        deps.logger.error('A listener failed; the app carries on', error.cause);
        return;
      }
      deps.logger.error('Uncaught exception in the main process', error);
      if (exiting) return;
      exiting = true;
      try {
        deps.journal.record(deps.now());
      } catch (recordError) {
        deps.logger.error('Could not record the crash for the crash-loop guard', recordError);
      }
      const then = afterFatalError(deps.heldBackByGuard);
      const leave = () => {
        if (then === 'relaunch') deps.relaunch();
        deps.exit(1);
      };
      deps.flushLog().then(leave, leave);
    },
    unhandledRejection(reason: unknown): void {
      deps.logger.error('Unhandled promise rejection in the main process', reason);
    },
    processGone(what: string, details: GoneDetails): void {
      const name = details.name ? ` (${details.name})` : '';
      deps.logger.error(
        `The ${what}${name} process is gone: ${details.reason}, exit code ${details.exitCode}`,
      );
    },
  };
}

export type CrashReporter = ReturnType<typeof createCrashReporter>;
