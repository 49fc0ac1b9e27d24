import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RealHa } from '../real-ha/harness';
import { selectedRelease } from '../real-ha/releases';
import { RawClient } from '../support/raw-ws-client';
import { realTarget } from './real-target';
import { conformanceScenarios } from './scenarios';

const release = selectedRelease();
let ha: RealHa;

beforeAll(async () => {
  ha = await RealHa.start({ release });
}, 240_000);
afterAll(async () => {
  await ha?.destroy();
}, 120_000);

describe(`conformance: real Home Assistant ${release.version}`, () => {
  it('is the pinned release', async () => {
    const client = await RawClient.connect(ha.url);
    expect(await client.auth(ha.token)).toEqual({ type: 'auth_ok', ha_version: release.version });
    client.close();
  });

  conformanceScenarios(() => realTarget(ha), release.generation);
});
