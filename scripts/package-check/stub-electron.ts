import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The marker @electron/fuses looks for in an Electron binary; the fuse wire follows it. */
const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const FUSE_WIRE_VERSION = 1;
/**
 * Electron's own fuse defaults, in wire order (RunAsNode, EnableCookieEncryption,
 * EnableNodeOptionsEnvironmentVariable, EnableNodeCliInspectArguments,
 * EnableEmbeddedAsarIntegrityValidation, OnlyLoadAppFromAsar,
 * LoadBrowserProcessSpecificV8Snapshot, GrantFileProtocolExtraPrivileges), so a check sees
 * electron-builder change them.
 */
const ELECTRON_DEFAULT_FUSES = '10110001';

/**
 * A stand-in Electron distribution for `electron-builder -c.electronDist=...`: the real binary
 * cannot be downloaded here. Its `electron` executable does nothing but carries a fuse wire, so
 * electron-builder's fuse flipping runs for real and can be read back.
 */
export function writeStubElectronDist(dir: string): string {
  mkdirSync(dir, { recursive: true });
  const binary = join(dir, 'electron');
  writeFileSync(
    binary,
    Buffer.concat([
      Buffer.from('#!/bin/sh\n# Stand-in Electron for packaging checks.\nexit 0\n'),
      Buffer.from(FUSE_SENTINEL),
      Buffer.from([FUSE_WIRE_VERSION, ELECTRON_DEFAULT_FUSES.length]),
      Buffer.from(ELECTRON_DEFAULT_FUSES),
      Buffer.from('\n'),
    ]),
  );
  chmodSync(binary, 0o755);
  return dir;
}
