import { describe, expect, it } from 'vitest';
import { ipcContract } from '../../../src/shared/ipc/contract';
import {
  newPageDocument,
  streamChannel,
  streamNames,
  streamSchema,
  subscribeArgsSchema,
} from '../../../src/shared/ipc/define';
import { DEFAULT_SETTINGS } from '../../../src/shared/settings';
import { appStatus, entityView } from '../../support/page-values';
import { NO_TOKEN as noToken } from '../../support/token-metadata';

const desktop = {
  startAtLogin: false,
  shortcut: { accelerator: '', registered: false, message: null },
  mac: false,
};
const tokenStatus = {
  facts: null,
  rejected: false,
  reminder: {
    state: 'no_token',
    dueReason: null,
    interval: 90,
    ageDays: null,
    savedDaysAgo: null,
    dueAt: null,
    expiresAt: null,
    expiringSoon: false,
    expired: false,
    snoozedUntil: null,
    attention: false,
    headline: null,
    menuLine: null,
  },
  rotation: { phase: 'running', step: 'verifying' },
};

/** One payload of each stream as main sends it. */
const valid: Record<string, unknown> = {
  status: appStatus({
    connection: { state: 'reconnecting', attempt: 2, nextRetryAt: 1, reason: 'Lost' },
    instance: { origin: 'http://ha.local:8123', locationName: 'Home' },
  }),
  settings: DEFAULT_SETTINGS,
  tokenStatus,
  desktopStatus: desktop,
  favouriteEntities: [entityView('light.kitchen', 'on', { brightness: 200 }, 'Kitchen')],
  entityListChanged: { size: 12 },
  discovery: {
    state: 'browsing',
    instances: [
      {
        uuid: '0f3c9a1e',
        locationName: 'Home',
        url: 'http://192.168.1.20:8123',
        version: '2026.2.3',
        supported: true,
        savedAs: null,
      },
    ],
    message: null,
  },
  signIn: { phase: 'waiting', origin: 'http://192.168.1.20:8123', message: null },
};

describe('the IPC contract: events and values', () => {
  it('has a runtime schema for every stream, and each accepts what main sends', () => {
    expect(streamNames(ipcContract).sort()).toEqual(Object.keys(valid).sort());
    for (const [stream, payload] of Object.entries(valid))
      expect(streamSchema(ipcContract, stream)!.safeParse(payload).success, stream).toBe(true);
  });

  it('refuses a payload of the wrong shape, and any field it does not declare', () => {
    const refused: Array<[string, unknown]> = [
      ['status', { ...(valid.status as object), token: { ...noToken, value: 'eyJ.secret' } }],
      ['status', { ...(valid.status as object), connection: { state: 'sleeping' } }],
      ['status', { ...(valid.status as object), accessToken: 'eyJ.secret' }],
      ['tokenStatus', { ...tokenStatus, rotation: { phase: 'running', step: 'dancing' } }],
      ['desktopStatus', { ...desktop, mac: 'yes' }],
      ['favouriteEntities', [{ entity_id: 'light.kitchen', state: 'on' }]],
      ['favouriteEntities', [{ ...entityView('light.a', 'on'), context: { id: 'x' } }]],
      ['settings', { ...DEFAULT_SETTINGS, favourites: 'all' }],
      ['entityListChanged', { size: -1 }],
      ['entityListChanged', null],
    ];
    for (const [stream, payload] of refused)
      expect(
        streamSchema(ipcContract, stream)!.safeParse(payload).success,
        JSON.stringify(payload),
      ).toBe(false);
  });

  it("reads each instance's own values by its key, and the app's by none", () => {
    const perInstance = Object.entries(ipcContract.values)
      .filter(([, spec]) => spec.perInstance)
      .map(([name]) => name)
      .sort();
    expect(perInstance).toEqual(['favouriteEntities', 'signIn', 'status', 'tokenStatus']);
  });

  it('names the instance of every request about one, and checks the key like any argument', () => {
    const { requests } = ipcContract;
    for (const name of ['rotateToken', 'listEntities', 'cancelSignIn', 'loadTokenAudit'] as const) {
      expect(requests[name].args.safeParse(['first']).success, name).toBe(true);
      for (const bad of [[], ['../first'], ['First'], ['x'.repeat(41)], [7], [null]])
        expect(requests[name].args.safeParse(bad).success, `${name} ${JSON.stringify(bad)}`).toBe(
          false,
        );
    }
    expect(
      requests.actOnEntity.args.safeParse([
        '3f9a21bc',
        { entityId: 'light.a', action: { kind: 'turn_on' } },
      ]).success,
    ).toBe(true);
    expect(
      requests.actOnEntity.args.safeParse([{ entityId: 'light.a', action: { kind: 'turn_on' } }])
        .success,
    ).toBe(false);
  });

  it("subscribes by a key that names the stream and, for an instance's stream, the instance", () => {
    const args = subscribeArgsSchema(ipcContract);
    const doc = newPageDocument();
    expect(args.safeParse([{ stream: 'status' }, true, doc]).success).toBe(true);
    expect(
      args.safeParse([{ stream: 'favouriteEntities', instance: 'home-2' }, false, doc]).success,
    ).toBe(true);
    for (const bad of [
      [{ stream: 'nope' }, true, doc],
      [{ stream: 'status', extra: 1 }, true, doc],
      [{ stream: 'status', instance: '../x' }, true, doc],
      [{ stream: 'status' }, 'yes', doc],
      [{ stream: 'status' }, true],
      [{ stream: 'status' }, true, 'x'.repeat(41)],
      [{ stream: 'status' }, true, 'Not-A-Name'],
      [{ stream: 'status' }],
      'status',
    ])
      expect(args.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    expect(streamChannel({ stream: 'status' })).toBe('ha-tray:event:status');
    expect(streamChannel({ stream: 'status', instance: 'home-2' })).not.toBe(
      streamChannel({ stream: 'status' }),
    );
  });
});
