import { describe, expect, it } from 'vitest';
import {
  choosePython,
  debianHint,
  fits,
  parsePythonVersion,
  pythonCandidates,
  type PythonProbe,
} from '../real-ha/python';
import { releaseFor, REAL_HA_RELEASES, selectedRelease } from '../real-ha/releases';
import { parseTestHaArgs } from '../real-ha/test-ha-args';

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
        'does). HA_TRAY_PYTHON may name one.',
    });
    expect(choosePython(ha2026, [], null)).toMatchObject({
      ok: false,
      reason: expect.stringContaining('found no Python at all.'),
    });
    expect(debianHint('13.1')).toBe(' Debian 13: apt-get install python3.13 python3.13-venv.');
    expect(debianHint('trixie/sid')).toBe('');
  });
});

describe('npm run test:ha arguments', () => {
  it('--ha picks the release (2024 by default), --check only checks, the rest goes to vitest', () => {
    expect(parseTestHaArgs(['--reporter=json', 'test/conformance'])).toEqual({
      release: '2024',
      check: false,
      vitestArgs: ['--reporter=json', 'test/conformance'],
    });
    expect(parseTestHaArgs(['--ha', '2026', '--check'])).toMatchObject({
      release: '2026',
      check: true,
    });
    expect(parseTestHaArgs(['--ha=2026'])).toMatchObject({ release: '2026' });
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
});
