import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { isAbsolute, join } from 'node:path';
import type { LoginItem } from '../desktop/login-item';

/**
 * Linux has no login-item API: desktops start what the XDG Autostart specification's folder
 * lists (https://specifications.freedesktop.org/autostart-spec/latest/).
 * `$XDG_CONFIG_HOME/autostart`, or `~/.config/autostart` when it is unset or relative.
 */
export function autostartDir(env: NodeJS.ProcessEnv, home: string): string {
  const configHome = env.XDG_CONFIG_HOME;
  return join(
    configHome && isAbsolute(configHome) ? configHome : join(home, '.config'),
    'autostart',
  );
}

/**
 * The command that starts this app again. An AppImage runs from a temporary mount that is gone
 * after exit, so its own path ($APPIMAGE) is used; an unpackaged app needs its folder as argument.
 */
export function autostartCommand(
  execPath: string,
  env: NodeJS.ProcessEnv,
  unpackagedAppPath: string | null,
): string[] {
  if (env.APPIMAGE) return [env.APPIMAGE];
  return unpackagedAppPath ? [execPath, unpackagedAppPath] : [execPath];
}

/** An argument of the Exec key, quoted as the Desktop Entry specification asks. */
function execArgument(arg: string): string {
  const escaped = arg.replace(/%/g, '%%');
  if (!/[\s"'\\><~|&;$*?#()`]/.test(escaped)) return escaped;
  const quoted = `"${escaped.replace(/(["`$\\])/g, '\\$1')}"`;
  // The Exec value is itself a string value, whose backslashes are escaped once more.
  return quoted.replace(/\\/g, '\\\\');
}

export function autostartEntry(name: string, command: string[]): string {
  return [
    '[Desktop Entry]',
    'Type=Application',
    `Name=${name}`,
    `Exec=${command.map(execArgument).join(' ')}`,
    'Terminal=false',
    'X-GNOME-Autostart-enabled=true',
    '',
  ].join('\n');
}

export interface XdgAutostartOptions {
  dir: string;
  /** The file's name, e.g. "ha-tray.desktop". */
  fileName: string;
  name: string;
  command: string[];
}

/** A login item as a `.desktop` file in the autostart folder. */
export function createXdgAutostart({
  dir,
  fileName,
  name,
  command,
}: XdgAutostartOptions): LoginItem {
  const file = join(dir, fileName);
  return {
    async isEnabled() {
      let text: string;
      try {
        text = await readFile(file, 'utf8');
      } catch {
        return false;
      }
      // Desktops switch an entry off in place instead of deleting it.
      return (
        !/^Hidden\s*=\s*true\s*$/m.test(text) &&
        !/^X-GNOME-Autostart-enabled\s*=\s*false\s*$/m.test(text)
      );
    },
    async setEnabled(enabled) {
      if (!enabled) return rm(file, { force: true });
      await mkdir(dir, { recursive: true });
      await writeFile(file, autostartEntry(name, command));
    },
  };
}
