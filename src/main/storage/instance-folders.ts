import { existsSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { FIRST_INSTANCE_KEY } from '../../shared/settings';
import type { Logger } from '../log/logger';
import { INSTANCE_FILES } from './layout';
import { ensurePrivateFolder } from './private-folder';

/** Where one instance's files live: `instances/<key>/` in the user-data folder, kept private. */
export function instanceFolder(userDataDir: string, key: string): string {
  const dir = join(userDataDir, 'instances', key);
  ensurePrivateFolder(join(userDataDir, 'instances'));
  ensurePrivateFolder(dir);
  return dir;
}

/**
 * Up to settings version 2 the one instance's files were at the folder's top. They move into the
 * first instance's folder before the settings file says version 3 (src/main/settings/
 * migrations.ts gives that instance the same fixed key), so a crash between the two loses
 * nothing: the next start moves what is left and migrates the settings again. Runs at every start
 * and moves a file only where the instance has none, so a file an older HA Tray wrote later (after
 * a downgrade) never replaces a newer one.
 */
export function adoptTopLevelInstanceFiles(userDataDir: string, logger: Logger): void {
  const top = Object.values(INSTANCE_FILES).filter((name) => existsSync(join(userDataDir, name)));
  if (top.length === 0) return;
  const dir = instanceFolder(userDataDir, FIRST_INSTANCE_KEY);
  for (const name of top) {
    if (existsSync(join(dir, name))) {
      logger.warn(`An older HA Tray's ${name} was left where it was: the first instance has one`);
      continue;
    }
    // A rename in the same folder tree: atomic, the file is either here or there.
    renameSync(join(userDataDir, name), join(dir, name));
  }
  logger.info("The Home Assistant files moved into the first instance's folder");
}

/** "Remove": the instance's token, journals and reminder memory go with it. */
export function removeInstanceFolder(userDataDir: string, key: string): void {
  rmSync(join(userDataDir, 'instances', key), { recursive: true, force: true });
}
