import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  DiscoveryService,
  NOTHING_FOUND_AFTER_MS,
} from '../../../src/main/discovery/discovery-service';
import { SettingsStore } from '../../../src/main/settings/settings-store';
import type { DiscoveryView } from '../../../src/shared/discovery';
import { FIRST_INSTANCE_KEY as KEY } from '../../../src/shared/settings';
import { FakeServiceBrowser, haAnswer } from '../../fakes/service-browser';
import { FakeClock } from '../../support/fake-clock';
import { recordingLogger } from '../../support/test-logger';
import { waitFor } from '../../support/wait-for';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ha-tray-discovery-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function setup(platform: NodeJS.Platform = 'linux') {
  /** Probes wait for this while set: a test lets them finish when it wants. */
  let probeGate: Promise<void> | null = null;
  const browser = new FakeServiceBrowser();
  const clock = new FakeClock(Date.parse('2026-12-07T20:00:00Z'));
  const settings = SettingsStore.open({ cwd: dir, logger: recordingLogger() });
  /** Origins where Home Assistant answers the probe. */
  const answering = new Set<string>(['http://192.168.1.10:8123']);
  const probed: string[] = [];
  const views: DiscoveryView[] = [];
  const service = new DiscoveryService({
    browser,
    clock,
    settings,
    probe: async (origin) => {
      probed.push(origin);
      await probeGate;
      return answering.has(origin);
    },
    publish: (view) => void views.push(view),
    logger: recordingLogger(),
    platform,
  });
  const last = () => views.at(-1)!;
  const until = (check: (view: DiscoveryView) => boolean, what: string) =>
    waitFor(() => views.length > 0 && check(last()), what);
  const holdProbes = () => {
    let release!: () => void;
    probeGate = new Promise((resolve) => (release = resolve));
    return release;
  };
  return { browser, clock, settings, answering, probed, views, service, last, until, holdProbes };
}

describe('discovery', () => {
  it('browses only while a page follows it, and stops when none does', async () => {
    const { browser, service, last } = setup();
    expect(browser.browses).toEqual([]);
    service.follow(true);
    expect(browser.running()).toHaveLength(1);
    expect(last().state).toBe('browsing');
    service.follow(true);
    expect(browser.browses).toHaveLength(1);
    service.follow(false);
    expect(browser.running()).toEqual([]);
    expect(last().state).toBe('idle');
    service.refresh();
    expect(browser.browses).toHaveLength(1);
  });

  it('lists an answer once its address answered the probe, internal_url first', async () => {
    const { browser, service, until, probed, answering } = setup();
    answering.add('http://homeassistant.local:8123');
    browser.addSilently(
      haAnswer({
        name: 'Our Home',
        txt: {
          internal_url: 'http://homeassistant.local:8123',
          external_url: 'https://example.ui.nabu.casa',
          base_url: 'https://example.ui.nabu.casa',
        },
      }),
    );
    service.follow(true);
    await until((view) => view.instances.length === 1, 'the instance listed');
    expect(service.view()).toEqual({
      state: 'browsing',
      message: null,
      instances: [
        {
          uuid: '0123456789abcdef0123456789abcdef',
          locationName: 'Our Home',
          url: 'http://homeassistant.local:8123',
          version: '2026.2.3',
          supported: true,
          savedAs: null,
        },
      ],
    });
    expect(probed).toEqual(['http://homeassistant.local:8123']);
  });

  it('falls back to the announced address, IPv4 first, when internal_url does not answer; never the external or base URL', async () => {
    const { browser, service, until, probed } = setup();
    browser.addSilently(
      haAnswer({
        addresses: ['fd00::10', 'fe80::1', '192.168.1.10'],
        txt: {
          internal_url: 'http://old-name.local:8123',
          external_url: 'https://example.ui.nabu.casa',
          base_url: 'https://example.ui.nabu.casa',
        },
      }),
    );
    service.follow(true);
    await until((view) => view.instances.length === 1, 'the instance listed');
    expect(service.view().instances[0]!.url).toBe('http://192.168.1.10:8123');
    expect(probed).toEqual(['http://old-name.local:8123', 'http://192.168.1.10:8123']);
  });

  it('counts an empty TXT value as missing, and names an instance by its host without location_name', async () => {
    const { browser, service, until, probed } = setup();
    browser.addSilently(
      haAnswer({ host: 'ha-box.local', txt: { internal_url: '', location_name: '', version: '' } }),
    );
    service.follow(true);
    await until((view) => view.instances.length === 1, 'the instance listed');
    expect(service.view().instances[0]).toMatchObject({
      locationName: 'ha-box.local',
      url: 'http://192.168.1.10:8123',
      version: null,
      supported: true,
    });
    expect(probed).toEqual(['http://192.168.1.10:8123']);
  });

  it('skips an answer without a uuid, and lists one older than 2024.1 as unsupported', async () => {
    const { browser, service, until, answering } = setup();
    answering.add('http://192.168.1.11:8123');
    browser.addSilently(
      haAnswer({ name: 'No id', txt: { uuid: '' }, addresses: ['192.168.1.12'] }),
    );
    browser.addSilently(
      haAnswer({
        name: 'Old',
        uuid: 'old1',
        txt: { version: '2023.12.4' },
        addresses: ['192.168.1.11'],
      }),
    );
    browser.addSilently(haAnswer({ name: 'New', uuid: 'new1' }));
    service.follow(true);
    await until((view) => view.instances.length === 2, 'both instances listed');
    expect(service.view().instances.map((i) => [i.locationName, i.supported])).toEqual([
      ['New', true],
      ['Old', false],
    ]);
  });

  it('offers no answer whose addresses all fail the probe', async () => {
    const { browser, service, probed, clock, last } = setup();
    browser.addSilently(haAnswer({ addresses: ['192.168.1.99'] }));
    service.follow(true);
    await waitFor(() => probed.length === 1, 'the probe');
    await clock.advanceAsync(NOTHING_FOUND_AFTER_MS);
    expect(last().instances).toEqual([]);
  });

  it('marks the saved instance by its address and remembers its uuid, then by the uuid', async () => {
    const { browser, service, until, settings, answering } = setup();
    settings.setInstanceOrigin(KEY, 'http://192.168.1.10:8123');
    browser.addSilently(haAnswer({ uuid: 'abc123' }));
    service.follow(true);
    await until((view) => view.instances[0]?.savedAs?.key === KEY, 'the saved instance marked');
    expect(settings.entry(KEY)).toMatchObject({
      origin: 'http://192.168.1.10:8123',
      uuid: 'abc123',
    });

    // It moved: still marked by its uuid, and the saved address is not changed by an answer.
    answering.add('http://192.168.1.23:8123');
    browser.announce(haAnswer({ uuid: 'abc123', addresses: ['192.168.1.23'] }));
    await until((view) => view.instances[0]?.url === 'http://192.168.1.23:8123', 'the new address');
    expect(service.view().instances[0]!.savedAs).toEqual({ key: KEY, name: '192.168.1.10' });
    expect(settings.entry(KEY).origin).toBe('http://192.168.1.10:8123');
  });

  it('remembers the uuid of an instance the user picked and saved', async () => {
    const { browser, service, until, settings } = setup();
    browser.addSilently(haAnswer({ uuid: 'abc123' }));
    service.follow(true);
    await until((view) => view.instances.length === 1, 'the instance listed');
    expect(service.view().instances[0]!.savedAs).toBeNull();
    settings.setInstanceOrigin(KEY, service.view().instances[0]!.url);
    expect(settings.entry(KEY)).toMatchObject({
      origin: 'http://192.168.1.10:8123',
      uuid: 'abc123',
    });
    expect(service.view().instances[0]!.savedAs?.key).toBe(KEY);
  });

  it("marks each saved instance and remembers each one's uuid on its own entry", async () => {
    const { browser, service, until, settings, answering } = setup();
    answering.add('http://192.168.1.20:8123');
    browser.addSilently(haAnswer({ uuid: 'abc123' }));
    browser.addSilently(haAnswer({ name: 'Cabin', uuid: 'def456', addresses: ['192.168.1.20'] }));
    const cabin = settings.addInstance().key;
    settings.setInstanceOrigin(cabin, 'http://192.168.1.20:8123');
    service.follow(true);
    const saved = (view: DiscoveryView) =>
      Object.fromEntries(view.instances.map((i) => [i.uuid, i.savedAs?.key ?? null]));
    await until(
      (view) => saved(view).def456 === cabin && saved(view).abc123 === null,
      "the cabin's listed as saved, the other not",
    );
    await waitFor(() => settings.entry(cabin).uuid === 'def456', "the cabin's uuid");
    // The first instance is not set up: nothing on the network is its.
    expect(settings.entry(KEY).uuid).toBeUndefined();

    settings.setInstanceOrigin(KEY, 'http://192.168.1.10:8123');
    await until((view) => saved(view).abc123 === KEY, 'the first instance listed as saved');
    await waitFor(() => settings.entry(KEY).uuid === 'abc123', "the first instance's uuid");
    expect(settings.entry(cabin).uuid).toBe('def456');
  });

  it('says why nobody answered after a few seconds, for this operating system', async () => {
    for (const [platform, words] of [
      ['darwin', /Local Network permission/],
      ['win32', /firewall may have asked/],
      [
        'linux',
        /^No Home Assistant answered on this network\. Home Assistant may be on another network/,
      ],
    ] as const) {
      const { service, clock, last, browser } = setup(platform);
      service.follow(true);
      await clock.advanceAsync(NOTHING_FOUND_AFTER_MS - 1);
      expect(last().message).toBeNull();
      await clock.advanceAsync(1);
      expect(last()).toMatchObject({ state: 'browsing', instances: [] });
      expect(last().message).toMatch(words);
      expect(last().message).toMatch(/another network.*firewall.*Typing the address always works/);
      // A late answer still comes in, and the explanation goes.
      browser.announce(haAnswer({}));
      await waitFor(() => last().instances.length === 1, 'the late answer');
      expect(last().message).toBeNull();
      service.dispose();
    }
  });

  it('says so in a sentence when this computer cannot browse, and tries again on refresh', async () => {
    const { browser, service, until } = setup();
    browser.failNextBrowse(
      Object.assign(new Error('bind EADDRINUSE 0.0.0.0:5353'), { code: 'EADDRINUSE' }),
    );
    browser.addSilently(haAnswer({}));
    service.follow(true);
    await until((view) => view.state === 'unavailable', 'unavailable');
    expect(service.view().message).toBe(
      'HA Tray cannot look for Home Assistant on this network: another program holds the multicast DNS port (UDP 5353). Typing the address always works, for example http://homeassistant.local:8123.',
    );
    service.refresh();
    await until((view) => view.state === 'browsing' && view.instances.length === 1, 'found');
    expect(service.view().message).toBeNull();
  });

  it('asks again after 1, 2, 4... seconds, at most once a minute, and not after it stopped', async () => {
    const { browser, service, clock } = setup();
    service.follow(true);
    const browse = browser.browses[0]!;
    await clock.advanceAsync(999);
    expect(browse.queries).toBe(1);
    await clock.advanceAsync(1);
    expect(browse.queries).toBe(2);
    await clock.advanceAsync(2_000);
    expect(browse.queries).toBe(3);
    await clock.advanceAsync(4_000 + 8_000 + 16_000 + 32_000);
    expect(browse.queries).toBe(7);
    await clock.advanceAsync(60_000);
    expect(browse.queries).toBe(8);
    service.follow(false);
    expect(clock.pendingTimers()).toBe(0);
  });

  it('refresh forgets what was heard and browses again; a goodbye removes an instance', async () => {
    const { browser, service, until } = setup();
    browser.addSilently(haAnswer({}));
    service.follow(true);
    await until((view) => view.instances.length === 1, 'listed');
    browser.withdraw(haAnswer({}).name);
    await until((view) => view.instances.length === 0, 'gone');
    browser.addSilently(haAnswer({ name: 'Cabin', uuid: 'cabin1' }));
    service.refresh();
    expect(browser.running()).toHaveLength(1);
    expect(browser.browses).toHaveLength(2);
    await until((view) => view.instances.length === 1, 'listed again');
    expect(service.view().instances[0]!.locationName).toBe('Cabin');
  });

  it('drops the answers and probes of a browse that ended', async () => {
    const { browser, service, probed, views, holdProbes } = setup();
    const releaseProbes = holdProbes();
    browser.addSilently(haAnswer({}));
    service.follow(true);
    await waitFor(() => probed.length === 1, 'the probe');
    service.follow(false);
    const seen = views.length;
    releaseProbes();
    await new Promise((resolve) => setImmediate(resolve));
    expect(views.slice(seen)).toEqual([]);
    expect(service.view()).toEqual({ state: 'idle', instances: [], message: null });
  });
});
