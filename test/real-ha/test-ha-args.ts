/**
 * `npm run test:ha` arguments: ours (`--ha <release>`, `--check`, `--build-python`), the rest go
 * to vitest.
 */
export function parseTestHaArgs(args: readonly string[]): {
  release: string;
  check: boolean;
  buildPython: boolean;
  vitestArgs: string[];
} {
  let release = '2024';
  let check = false;
  let buildPython = false;
  const vitestArgs: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--ha') {
      const value = args[++i];
      if (value === undefined) throw new Error('--ha needs a release: --ha 2024 or --ha 2026.');
      release = value;
    } else if (arg.startsWith('--ha=')) release = arg.slice('--ha='.length);
    else if (arg === '--check') check = true;
    else if (arg === '--build-python') buildPython = true;
    else vitestArgs.push(arg);
  }
  return { release, check, buildPython, vitestArgs };
}
