import { describe, expect, it } from 'vitest';
import { burstQuery, SHORT_BURST } from '../../../src/main/discovery/burst';
import { FakeServiceBrowser, haAnswer } from '../../fakes/service-browser';
import { FakeClock } from '../../support/fake-clock';

describe('a burst of queries', () => {
  it('asks three times a second apart, keeps the last answer of each service, then stops', async () => {
    const browser = new FakeServiceBrowser();
    const clock = new FakeClock(0);
    browser.addSilently(haAnswer({ name: 'Home', txt: { version: '2026.1.0' } }));
    const heard = burstQuery(browser, clock);
    browser.announce(haAnswer({ name: 'Home', txt: { version: '2026.2.3' } }));
    browser.announce(haAnswer({ name: 'Cabin', uuid: 'cabin1' }));
    browser.withdraw(haAnswer({ name: 'Cabin' }).name);
    await clock.advanceAsync(SHORT_BURST.listenMs);
    const answers = await heard;
    expect(answers.map((a) => [a.name, a.txt.version])).toEqual([
      ['Home._home-assistant._tcp.local', '2026.2.3'],
    ]);
    expect(browser.browses).toMatchObject([{ queries: 3, stopped: true }]);
    expect(clock.pendingTimers()).toBe(0);
  });

  it('rejects, stopped, when this computer cannot browse', async () => {
    const browser = new FakeServiceBrowser();
    const clock = new FakeClock(0);
    browser.failNextBrowse(Object.assign(new Error('no multicast'), { code: 'ENETUNREACH' }));
    await expect(burstQuery(browser, clock)).rejects.toMatchObject({ code: 'ENETUNREACH' });
    expect(browser.running()).toEqual([]);
    expect(clock.pendingTimers()).toBe(0);
  });
});
