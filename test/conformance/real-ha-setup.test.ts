import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  choosePython,
  debianHint,
  fits,
  parsePythonVersion,
  pythonCandidates,
  type PythonProbe,
} from '../real-ha/python';
import {
  besideRelease,
  chooseBeside,
  releaseFor,
  REAL_HA_RELEASES,
  selectedRelease,
} from '../real-ha/releases';
import { parseTestHaArgs } from '../real-ha/test-ha-args';
import { buildPython, builtPython, fetchVerified } from '../real-ha/python-source';
import { findPython } from '../real-ha/python';

const ha2024 = REAL_HA_RELEASES['2024.1'];
const ha2026 = REAL_HA_RELEASES['2026.2'];

describe('choosing a Python for a Home Assistant release', () => {
  it('reads the version Python prints', () => {
    expect(parsePythonVersion('3.13.5\n')).toEqual([3, 13, 5]);
    expect(parsePythonVersion('Python 3.11.7')).toEqual([3, 11, 7]);
    expect(parsePythonVersion('no python here')).toBeNull();
  });

  it('2026.2 needs 3.13.2 or later: 3.13.0 (pyenv here) is too old; 2024.1 wants 3.11 or 3.12', () => {
    expect(fits([3, 13, 0], ha2026)).toBe(false);
    expect(fits([3, 13, 2], ha2026)).toBe(true);
    expect(fits([3, 14, 1], ha2026)).toBe(true);
    expect(fits([3, 11, 7], ha2026)).toBe(false);
    expect(fits([3, 11, 7], ha2024)).toBe(true);
    expect(fits([3, 12, 1], ha2024)).toBe(true);
    expect(fits([3, 13, 5], ha2024)).toBe(false);
  });

  it('tries HA_TRAY_PYTHON alone when set, else the names on PATH, then pyenv newest first', () => {
    expect(
      pythonCandidates(ha2026, { HA_TRAY_PYTHON: '/opt/py/bin/python3' }, ['3.13.5'], '/p'),
    ).toEqual(['/opt/py/bin/python3']);
    expect(
      pythonCandidates(ha2026, {}, ['3.11.7', '3.13.0', '3.13.5', 'system', '2.7.18'], '/p'),
    ).toEqual([
      'python3.13',
      'python3.14',
      'python3',
      '/p/versions/3.13.5/bin/python3',
      '/p/versions/3.13.0/bin/python3',
      '/p/versions/3.11.7/bin/python3',
      '/p/versions/2.7.18/bin/python3',
    ]);
    expect(pythonCandidates(ha2026, {}, [], '/p', '/c/python-3.13.5/bin/python3.13')).toEqual([
      'python3.13',
      'python3.14',
      'python3',
      '/c/python-3.13.5/bin/python3.13',
    ]);
  });

  it('takes the first interpreter that fits, skipping those that did not run', () => {
    const probes: PythonProbe[] = [
      { path: 'python3.13', version: null },
      { path: 'python3', version: [3, 11, 7] },
      { path: '/p/versions/3.13.5/bin/python3', version: [3, 13, 5] },
    ];
    expect(choosePython(ha2026, probes, '13.1')).toEqual({
      ok: true,
      python: '/p/versions/3.13.5/bin/python3',
    });
    expect(choosePython(ha2024, probes, '12.11')).toEqual({ ok: true, python: 'python3' });
  });

  it('says in one line why none fits: the newest found, and what Debian offers', () => {
    const choice = choosePython(
      ha2026,
      [
        { path: 'python3', version: [3, 11, 7] },
        { path: '/root/.pyenv/versions/3.13.0/bin/python3', version: [3, 13, 0] },
      ],
      '12.11\n',
    );
    expect(choice).toEqual({
      ok: false,
      reason:
        'Home Assistant 2026.2.3 needs Python >= 3.13.2 and < 3.15.0; the newest found is 3.13.0 ' +
        '(/root/.pyenv/versions/3.13.0/bin/python3). Debian 12 ships no Python 3.13 (Debian 13 ' +
        'does). HA_TRAY_PYTHON may name one, or --build-python builds Python 3.13.5 from its source.',
    });
    expect(choosePython(ha2026, [], null)).toMatchObject({
      ok: false,
      reason: expect.stringContaining('found no Python at all.'),
    });
    expect(debianHint('13.1')).toBe(
      ' Debian 13: apt-get install python3.13 python3.13-venv python3.13-dev gcc.',
    );
    expect(debianHint('trixie/sid')).toBe('');
  });
});

describe('npm run test:ha arguments', () => {
  it('--ha picks the release (2024 by default), --check only checks, the rest goes to vitest', () => {
    expect(parseTestHaArgs(['--reporter=json', 'test/conformance'])).toEqual({
      release: '2024',
      check: false,
      buildPython: false,
      vitestArgs: ['--reporter=json', 'test/conformance'],
    });
    expect(parseTestHaArgs(['--ha', '2026', '--check'])).toMatchObject({
      release: '2026',
      check: true,
    });
    expect(parseTestHaArgs(['--ha=2026'])).toMatchObject({ release: '2026', buildPython: false });
    expect(parseTestHaArgs(['--ha', '2026', '--build-python', '-t', 'x'])).toEqual({
      release: '2026',
      check: false,
      buildPython: true,
      vitestArgs: ['-t', 'x'],
    });
    expect(() => parseTestHaArgs(['--ha'])).toThrow('--ha needs a release');
  });

  it('names a release by year, generation or version; HA_TRAY_HA carries it to the suites', () => {
    expect(releaseFor('2026').version).toBe('2026.2.3');
    expect(releaseFor('2024.1').version).toBe('2024.1.6');
    expect(releaseFor('2026.2.3').generation).toBe('2026.2');
    expect(() => releaseFor('2025')).toThrow('use --ha 2024 or --ha 2026');
    expect(selectedRelease({}).version).toBe('2024.1.6');
    expect(selectedRelease({ HA_TRAY_HA: '2026.2' }).version).toBe('2026.2.3');
  });

  it('runs a 2024.1 beside either release; HA_TRAY_HA_BESIDE carries it to the suites', () => {
    const installs: string[] = [];
    const installed = (release: typeof ha2024) => {
      installs.push(release.version);
      return { ok: true as const };
    };
    expect(chooseBeside(ha2024, installed)).toEqual({ release: ha2024 });
    expect(installs).toEqual([]);
    expect(chooseBeside(ha2026, installed)).toEqual({ release: ha2024 });
    expect(installs).toEqual(['2024.1.6']);
    expect(besideRelease({}).version).toBe('2024.1.6');
    expect(besideRelease({ HA_TRAY_HA_BESIDE: '2026.2' }).version).toBe('2026.2.3');
  });

  it('where 2024.1 cannot be had, the 2026 run pairs 2026.2 with itself and says why', () => {
    const beside = chooseBeside(ha2026, () => ({ ok: false, reason: 'found no Python at all.' }));
    expect(beside).toEqual({
      release: ha2026,
      note: 'Side by side, 2026.2.3 runs twice: 2024.1.6 is not available here (found no Python at all.)',
    });
  });
});

describe('--build-python: a pinned CPython from source where no Python fits', () => {
  const source = ha2026.pythonSource!;
  const serving =
    (body: string): typeof fetch =>
    () =>
      Promise.resolve(new Response(body));

  it('2026.2 pins the 3.13.5 tarball Debian 13 builds from; 2024.1 needs none', () => {
    expect(source.version).toEqual([3, 13, 5]);
    expect(source.url).toMatch(/^http:\/\/deb\.debian\.org\/debian\/pool\//);
    expect(ha2024.pythonSource).toBeUndefined();
    expect(builtPython(source, '/c')).toBe('/c/python-3.13.5/bin/python3.13');
  });

  it('refuses a tarball that is not the pinned one, before anything is unpacked', async () => {
    await expect(fetchVerified(source, serving('not python'))).rejects.toThrow(
      'is not the pinned tarball',
    );
    await expect(
      fetchVerified(source, () => Promise.resolve(new Response('', { status: 404 }))),
    ).rejects.toThrow('answered HTTP 404');
    const body = 'a tarball';
    const real = { ...source, sha256: createHash('sha256').update(body).digest('hex') };
    expect((await fetchVerified(real, serving(body))).toString()).toBe(body);
  });

  it('reuses a finished build without downloading; a half-built one is not used but built again, leaving nothing behind', async () => {
    const root = mkdtempSync(join(tmpdir(), 'ha-tray-pysrc-'));
    const leftovers = readdirSync(tmpdir()).filter((n) => n.startsWith('ha-tray-python-'));
    try {
      const python = builtPython(source, root);
      const prefix = dirname(dirname(python));
      mkdirSync(dirname(python), { recursive: true });
      writeFileSync(join(prefix, 'ha-tray-built'), '3.13.5');
      const noNetwork: typeof fetch = () => Promise.reject(new Error('no download expected'));
      expect(await buildPython(source, () => {}, root, noNetwork)).toBe(python);

      rmSync(join(prefix, 'ha-tray-built'));
      // What `make install` leaves when the module check then fails: an interpreter that runs.
      writeFileSync(python, '#!/bin/sh\necho 3.13.5\n', { mode: 0o755 });
      const env = { HA_TRAY_CACHE: root, PYENV_ROOT: join(root, 'no-pyenv'), PATH: '' };
      expect(JSON.stringify(findPython(ha2026, env))).not.toContain(python);
      const lines: string[] = [];
      await expect(buildPython(source, (l) => lines.push(l), root, serving('x'))).rejects.toThrow(
        'is not the pinned tarball',
      );
      expect(lines).toEqual([expect.stringContaining('Building Python 3.13.5')]);
      expect(readdirSync(tmpdir()).filter((n) => n.startsWith('ha-tray-python-'))).toEqual(
        leftovers,
      );
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
