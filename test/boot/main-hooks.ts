import fs from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';

/** True when the current call stack passes through `file` (the built main bundle). */
function calledFrom(file: string): boolean {
  return new Error().stack?.includes(file) ?? false;
}

const isInside = (root: string, path: string) => {
  const rel = relative(root, path);
  return !rel.startsWith('..') && !isAbsolute(rel);
};

type Patched = Record<string, (...args: never[]) => unknown>;

/**
 * Notes every file the built main reads outside `roots` (an installed app has only its
 * resources folder and the user's data). Patches the public fs read entry points for calls that
 * come from `bundle`; `check` is for reads the fake electron makes on main's behalf.
 */
export function guardFileReads(bundle: string, roots: string[]) {
  const outside: string[] = [];
  const check = (path: unknown) => {
    if (typeof path !== 'string' && !(path instanceof URL)) return;
    const file = resolve(path instanceof URL ? path.pathname : path);
    if (!roots.some((root) => isInside(root, file))) outside.push(file);
  };
  const targets: Array<[Patched, string[]]> = [
    [
      fs as unknown as Patched,
      ['readFileSync', 'readFile', 'createReadStream', 'openSync', 'open', 'readdirSync'],
    ],
    [fs.promises as unknown as Patched, ['readFile', 'open', 'readdir']],
  ];
  const restore: Array<() => void> = [];
  for (const [target, names] of targets) {
    for (const name of names) {
      const original = target[name]!;
      target[name] = function (this: unknown, ...args: never[]) {
        if (calledFrom(bundle)) check(args[0]);
        return original.apply(this, args);
      };
      restore.push(() => (target[name] = original));
    }
  }
  return { outside, check, restore: () => restore.forEach((undo) => undo()) };
}

export interface TrackedTimer {
  kind: 'timeout' | 'interval';
  delayMs: number;
}

/**
 * Keeps a list of the timers the built main has pending (created from `bundle`, neither fired
 * nor cleared): a disposed app has none, and a retry that was cut short is gone from it.
 */
export function trackTimers(bundle: string) {
  const pending = new Map<unknown, TrackedTimer>();
  const original = {
    setTimeout: globalThis.setTimeout,
    setInterval: globalThis.setInterval,
    clearTimeout: globalThis.clearTimeout,
    clearInterval: globalThis.clearInterval,
  };
  const patched = globalThis as unknown as Patched;
  patched.setTimeout = ((callback: (...a: unknown[]) => void, delayMs = 0, ...args: unknown[]) => {
    if (!calledFrom(bundle)) return original.setTimeout(callback, delayMs, ...args);
    const handle = original.setTimeout(
      (...a: unknown[]) => {
        pending.delete(handle);
        callback(...a);
      },
      delayMs,
      ...args,
    );
    pending.set(handle, { kind: 'timeout', delayMs });
    return handle;
  }) as never;
  patched.setInterval = ((callback: (...a: unknown[]) => void, delayMs = 0, ...args: unknown[]) => {
    const handle = original.setInterval(callback, delayMs, ...args);
    if (calledFrom(bundle)) pending.set(handle, { kind: 'interval', delayMs });
    return handle;
  }) as never;
  const clear = (handle: unknown) => {
    pending.delete(handle);
    original.clearTimeout(handle as NodeJS.Timeout);
  };
  patched.clearTimeout = clear as never;
  patched.clearInterval = clear as never;
  return {
    pending: () => [...pending.values()],
    restore: () => Object.assign(globalThis, original),
  };
}
