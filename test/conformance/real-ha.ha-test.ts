import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RealHa } from '../real-ha/harness';
import { HA_VERSION } from '../real-ha/venv';
import { RawClient } from '../support/raw-ws-client';
import { realTarget } from './real-target';
import { conformanceScenarios } from './scenarios';

let ha: RealHa;

beforeAll(async () => {
  ha = await RealHa.start();
}, 240_000);
afterAll(async () => {
  await ha?.destroy();
}, 120_000);

describe(`conformance: real Home Assistant ${HA_VERSION}`, () => {
  it('is the pinned release', async () => {
    const client = await RawClient.connect(ha.url);
    expect(await client.auth(ha.token)).toEqual({ type: 'auth_ok', ha_version: HA_VERSION });
    client.close();
  });

  conformanceScenarios(() => realTarget(ha));
});
