import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createHandlerTable } from '../../../src/main/ipc/handler-table';
import { HandledSecrets, tokensIn } from '../../../src/main/log/handled-secrets';
import { createLogger } from '../../../src/main/log/logger';
import { REDACTED, redact } from '../../../src/main/log/redact';
import { request, requestChannel } from '../../../src/shared/ipc/define';
import { createPageStreams } from '../../../src/main/ipc/page-streams';

const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
/** A JWT whose header does not start with "eyJ" (a space before the first key). */
const odd = `${Buffer.from(' {"alg":"HS256"}').toString('base64url')}.${b64({ iss: 'abc', exp: 2 })}.${'s'.repeat(43)}`;
const plain = `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64({ iss: 'abc' })}.${'t'.repeat(43)}`;

describe('redact', () => {
  it('removes any three base64url parts, not only those starting eyJ', () => {
    expect(odd.startsWith('eyJ')).toBe(false);
    expect(redact(`token ${odd} end`)).toBe(`token ${REDACTED} end`);
  });

  it('removes a JWT whose dots were percent-encoded', () => {
    const encoded = plain.replaceAll('.', '%2E');
    expect(redact(`GET /x?t=${encoded}&a=1`)).toBe(`GET /x?t=${REDACTED}&a=1`);
    expect(redact(`GET /x?t=${plain.replaceAll('.', '%2e')}`)).toBe(`GET /x?t=${REDACTED}`);
  });

  it('removes partial tokens: header and payload without a signature, a signature alone', () => {
    const [header, payload, signature] = plain.split('.') as [string, string, string];
    const realSignature = 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk';
    expect(redact(`cut at ${header}.${payload}. here`)).toBe(`cut at ${REDACTED} here`);
    expect(redact(`cut at ${header}.${payload}`)).toBe(`cut at ${REDACTED}`);
    expect(redact(`signature ${realSignature} here`)).toBe(`signature ${REDACTED} here`);
    expect(redact(`sig=${realSignature}&next`)).toBe(`sig=${REDACTED}&next`);
    expect(signature).toHaveLength(43);
  });

  it('keeps host names, entity ids and versions readable', () => {
    for (const text of [
      'http://homeassistant.local:8123',
      'https://abcdefghijklmnop.ui.nabu.casa',
      'light.kitchen_ceiling_lamp',
      'Home Assistant 2024.1.6',
      'binary_sensor.front_door_contact_sensor_12',
      'sensor.living_room_air_quality_monitor_pm25_concentration',
      'sensor.outdoor_temperature_sensor_with_a_long_name_43',
      'fingerprint 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08',
    ])
      expect(redact(text)).toBe(text);
  });
});

describe('tokens a page sends', () => {
  it('are found under every token key of a request', () => {
    expect(tokensIn([{ url: 'x', token: 'a' }, { nested: { token: 'b' } }, 'token'])).toEqual([
      'a',
      'b',
    ]);
  });

  it('are redacted from the log while the request is handled, in the form pasted and cleaned', async () => {
    const lines: string[] = [];
    const handled = new HandledSecrets();
    const logger = createLogger(
      { write: (line) => lines.push(line) },
      { secrets: () => handled.values() },
    );
    const contract = {
      requests: { replace: request<void>()(z.tuple([z.object({ token: z.string() })])) },
      events: {},
      values: {},
    };
    const table = createHandlerTable(
      contract,
      {
        replace: ({ token }) => {
          logger.warn(`verifying ${token} and ${token.slice(7)}`);
          throw new Error(`Home Assistant refused ${token.slice(7)}`);
        },
      },
      {
        isTrustedSender: () => true,
        logger,
        streams: createPageStreams(contract, logger),
        handledSecrets: handled,
      },
    );
    const notAJwt = 'Bearer opaque-long-lived-token-0123456789';
    await table.handle(requestChannel('replace'), { url: 'ha-tray://app/', isMainFrame: true }, [
      { token: notAJwt },
    ]);
    expect(lines.join('\n')).not.toContain('opaque-long-lived-token');
    expect(handled.values()).toEqual([]);
  });
});
