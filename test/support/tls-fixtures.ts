import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface TlsFixtures {
  /** A CA the tests trust. */
  ca: string;
  /** Signed by the CA for localhost and 127.0.0.1. */
  valid: { key: string; cert: string };
  /** Signed by the CA, expired in 2020. */
  expired: { key: string; cert: string };
  /** Signed by the CA for another host name only. */
  wrongHost: { key: string; cert: string };
  /** Self-signed, not from the CA. */
  selfSigned: { key: string; cert: string };
}

/**
 * Generates certificates at test time with the openssl CLI, so no private key is committed.
 * `openssl ca` is used because it is the 3.0 tool that can backdate a certificate.
 */
export function makeTlsFixtures(): TlsFixtures {
  const dir = mkdtempSync(join(tmpdir(), 'ha-tray-tls-'));
  const run = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
  const read = (name: string) => readFileSync(join(dir, name), 'utf8');
  try {
    writeFileSync(join(dir, 'index.txt'), '');
    writeFileSync(join(dir, 'serial'), '1000\n');
    writeFileSync(
      join(dir, 'ca.cnf'),
      [
        '[ca]',
        'default_ca = own',
        '[own]',
        'dir = .',
        'database = index.txt',
        'new_certs_dir = .',
        'serial = serial',
        'default_md = sha256',
        'policy = any',
        'copy_extensions = copy',
        'unique_subject = no',
        '[any]',
        'commonName = supplied',
      ].join('\n'),
    );
    run(
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      'ca.key',
      '-out',
      'ca.pem',
      '-subj',
      '/CN=HA Tray test CA',
      '-days',
      '2',
    );
    const issue = (name: string, san: string, dates: string[]) => {
      run(
        'req',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-keyout',
        `${name}.key`,
        '-out',
        `${name}.csr`,
        '-subj',
        `/CN=${name}`,
        '-addext',
        `subjectAltName=${san}`,
      );
      run(
        'ca',
        '-batch',
        '-notext',
        '-config',
        'ca.cnf',
        '-cert',
        'ca.pem',
        '-keyfile',
        'ca.key',
        '-in',
        `${name}.csr`,
        '-out',
        `${name}.pem`,
        ...dates,
      );
      return { key: read(`${name}.key`), cert: read(`${name}.pem`) };
    };
    const valid = issue('valid', 'DNS:localhost,IP:127.0.0.1', ['-days', '2']);
    const expired = issue('expired', 'DNS:localhost,IP:127.0.0.1', [
      '-startdate',
      '20200101000000Z',
      '-enddate',
      '20200201000000Z',
    ]);
    const wrongHost = issue('wronghost', 'DNS:homeassistant.example', ['-days', '2']);
    run(
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      'self.key',
      '-out',
      'self.pem',
      '-subj',
      '/CN=localhost',
      '-addext',
      'subjectAltName=DNS:localhost,IP:127.0.0.1',
      '-days',
      '2',
    );
    return {
      ca: read('ca.pem'),
      valid,
      expired,
      wrongHost,
      selfSigned: { key: read('self.key'), cert: read('self.pem') },
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
