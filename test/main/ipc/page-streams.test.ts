import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { createPageStreams } from '../../../src/main/ipc/page-streams';
import type { Logger } from '../../../src/main/log/logger';
import { event, eventChannel, streamChannel, value } from '../../../src/shared/ipc/define';
import { fakeStreamPage } from '../../support/stream-pages';

const contract = {
  requests: {},
  events: { tick: event(z.strictObject({ n: z.number() })) },
  values: { level: value(z.number()) },
};

/** The document each fake page has loaded. */
const DOC = 'firstload1';

function setup() {
  const logger: Logger = { debug: vi.fn(), info: vi.fn(), warn: vi.fn(), error: vi.fn() };
  return { logger, streams: createPageStreams(contract, logger) };
}

describe('page streams', () => {
  it('send an event to the pages that subscribed to it and to no other', () => {
    const { streams } = setup();
    const [settings, panel, other] = [fakeStreamPage(), fakeStreamPage(), fakeStreamPage()];
    streams.subscribe(settings, { stream: 'tick' }, true, DOC);
    streams.subscribe(panel, { stream: 'tick' }, true, DOC);
    streams.subscribe(panel, { stream: 'level' }, true, DOC);
    streams.subscribe(other, { stream: 'level' }, true, DOC);
    streams.publish('tick', { n: 1 });
    expect(settings.sent).toEqual([{ channel: eventChannel('tick'), payload: { n: 1 } }]);
    expect(panel.sent).toEqual([{ channel: eventChannel('tick'), payload: { n: 1 } }]);
    expect(other.sent).toEqual([]);
  });

  it('stop sending to a page that unsubscribed, and keep each page to itself', () => {
    const { streams } = setup();
    const [a, b] = [fakeStreamPage(), fakeStreamPage()];
    streams.subscribe(a, { stream: 'level' }, true, DOC);
    streams.subscribe(b, { stream: 'level' }, true, DOC);
    streams.subscribe(a, { stream: 'level' }, false, DOC);
    streams.publish('level', 7);
    expect(a.sent).toEqual([]);
    expect(b.sent).toEqual([{ channel: eventChannel('level'), payload: 7 }]);
  });

  it('start a reloaded page over: the new document gets only what it asks for', () => {
    const { streams } = setup();
    const page = fakeStreamPage();
    streams.subscribe(page, { stream: 'tick' }, true, DOC);
    streams.subscribe(page, { stream: 'level' }, true, DOC);
    // The window reloads; the new document follows only the level.
    streams.subscribe(page, { stream: 'level' }, true, 'secondload2');
    streams.publish('tick', { n: 1 });
    streams.publish('level', 3);
    expect(page.sent).toEqual([{ channel: eventChannel('level'), payload: 3 }]);
  });

  it('drop a page that went away, whether it said so or is found gone', () => {
    const { streams } = setup();
    const [closed, crashed, open] = [fakeStreamPage(), fakeStreamPage(), fakeStreamPage()];
    for (const page of [closed, crashed, open])
      streams.subscribe(page, { stream: 'level' }, true, DOC);
    closed.close();
    const send = vi.spyOn(crashed, 'send');
    vi.spyOn(crashed, 'isGone').mockReturnValue(true);
    streams.publish('level', 1);
    expect(closed.sent).toEqual([]);
    expect(send).not.toHaveBeenCalled();
    expect(open.sent).toHaveLength(1);
    // A page that is gone cannot subscribe again.
    streams.subscribe(closed, { stream: 'level' }, true, DOC);
    streams.publish('level', 2);
    expect(closed.sent).toEqual([]);
  });

  it('log a payload that breaks the contract and send it to nobody', () => {
    const { streams, logger } = setup();
    const page = fakeStreamPage();
    streams.subscribe(page, { stream: 'tick' }, true, DOC);
    streams.publish('tick', { n: 1, token: 'eyJ.secret' } as never);
    streams.publish('tick', { n: 'one' } as never);
    expect(page.sent).toEqual([]);
    expect(logger.error).toHaveBeenCalledTimes(2);
    expect(JSON.stringify(vi.mocked(logger.error).mock.calls)).not.toContain('eyJ.secret');
  });

  it("keep one instance's stream apart from the default one's", () => {
    const { streams } = setup();
    const [home, cabin] = [fakeStreamPage(), fakeStreamPage()];
    streams.subscribe(home, { stream: 'level' }, true, DOC);
    streams.subscribe(cabin, { stream: 'level', instance: 'cabin' }, true, DOC);
    streams.publish('level', 1);
    streams.publish('level', 2, 'cabin');
    expect(home.sent).toEqual([{ channel: eventChannel('level'), payload: 1 }]);
    expect(cabin.sent).toEqual([
      { channel: streamChannel({ stream: 'level', instance: 'cabin' }), payload: 2 },
    ]);
  });

  it('keep sending to the other pages when one throws', () => {
    const { streams, logger } = setup();
    const [broken, fine] = [fakeStreamPage(), fakeStreamPage()];
    vi.spyOn(broken, 'send').mockImplementation(() => {
      throw new Error('Render frame was disposed');
    });
    streams.subscribe(broken, { stream: 'level' }, true, DOC);
    streams.subscribe(fine, { stream: 'level' }, true, DOC);
    streams.publish('level', 3);
    expect(fine.sent).toHaveLength(1);
    expect(logger.warn).toHaveBeenCalledOnce();
  });

  it('count the pages that follow a stream, and say when that may have changed', () => {
    const { streams } = setup();
    const changes = vi.fn();
    streams.onFollowersChange(changes);
    const [settings, panel] = [fakeStreamPage(), fakeStreamPage()];
    const level = { stream: 'level' } as const;
    expect(streams.followers(level)).toBe(0);
    streams.subscribe(settings, level, true, DOC);
    streams.subscribe(panel, level, true, DOC);
    streams.subscribe(panel, { stream: 'tick' }, true, DOC);
    expect(streams.followers(level)).toBe(2);
    expect(streams.followers({ stream: 'tick' })).toBe(1);
    expect(streams.followers({ stream: 'level', instance: 'cabin' })).toBe(0);
    expect(changes).toHaveBeenCalledTimes(3);

    streams.subscribe(panel, level, false, DOC);
    expect(streams.followers(level)).toBe(1);
    expect(changes).toHaveBeenCalledTimes(4);

    // The settings window reloads: its new document has asked for nothing yet.
    streams.subscribe(settings, { stream: 'tick' }, true, 'secondload2');
    expect(streams.followers(level)).toBe(0);
    expect(changes).toHaveBeenCalledTimes(5);

    streams.subscribe(settings, level, true, 'secondload2');
    settings.close();
    expect(streams.followers(level)).toBe(0);
    expect(changes).toHaveBeenCalledTimes(7);
  });

  it('count no page that is found gone without having said so', () => {
    const { streams } = setup();
    const changes = vi.fn();
    const page = fakeStreamPage();
    streams.subscribe(page, { stream: 'level' }, true, DOC);
    streams.onFollowersChange(changes);
    vi.spyOn(page, 'isGone').mockReturnValue(true);
    expect(streams.followers({ stream: 'level' })).toBe(0);
    expect(changes).toHaveBeenCalledOnce();
  });
});
