import { describe, expect, it } from 'vitest';
import { EntityStore } from '../../../src/main/ha/entity-store';
import { PageEntityEvents } from '../../../src/main/ha/page-entity-events';
import { toEntityView } from '../../../src/shared/entity-view';
import { FakeClock } from '../../support/fake-clock';
import { eventChannel } from '../../../src/shared/ipc/define';

function setup() {
  const clock = new FakeClock(0);
  const store = new EntityStore();
  store.replace({
    'light.kitchen': { s: 'on', lc: 1 },
    'lock.front_door': { s: 'locked', lc: 1 },
    'sensor.busy': { s: '1', lc: 1 },
  });
  const sent: Array<{ channel: string; payload: unknown }> = [];
  const events = new PageEntityEvents({
    store,
    view: (state) => toEntityView(state, { area: 'Kitchen' }),
    send: (stream, payload) => void sent.push({ channel: eventChannel(stream), payload }),
    clock,
    intervalMs: 200,
  });
  events.setFavourites(['lock.front_door', 'light.kitchen']);
  sent.length = 0;
  const later = (ms: number) => clock.advance(ms);
  return { store, events, sent, later };
}

const channels = (sent: Array<{ channel: string }>) => sent.map((e) => e.channel);

describe('PageEntityEvents', () => {
  it('once disposed, a late change of the views (areas arriving after quit) sends nothing', () => {
    const { events, sent, later } = setup();
    events.dispose();
    events.viewsChanged();
    later(1000);
    expect(sent).toEqual([]);
  });

  it('sends nothing at all while only entities nobody shows change', () => {
    const { store, sent, later } = setup();
    later(1000);
    for (let i = 0; i < 100; i++) store.apply({ c: { 'sensor.busy': { '+': { s: String(i) } } } });
    later(1000);
    expect(sent).toEqual([]);
  });

  it("sends the favourites' views, in the user's order, at once when one changes", () => {
    const { store, sent, later } = setup();
    later(1000);
    store.apply({ c: { 'light.kitchen': { '+': { s: 'off' } } } });
    expect(sent).toEqual([
      {
        channel: 'ha-tray:event:favouriteEntities',
        payload: [
          expect.objectContaining({ entity_id: 'lock.front_door', area: 'Kitchen' }),
          expect.objectContaining({ entity_id: 'light.kitchen', state: 'off' }),
        ],
      },
    ]);
  });

  it('turns a storm of favourite changes into one event per interval', () => {
    const { store, sent, later } = setup();
    later(1000);
    for (let i = 0; i < 50; i++)
      store.apply({ c: { 'light.kitchen': { '+': { s: i % 2 ? 'on' : 'off' } } } });
    expect(sent).toHaveLength(1);
    later(200);
    expect(sent).toHaveLength(2);
  });

  it('tells the pages when entities come or go, without sending them', () => {
    const { store, sent, later } = setup();
    later(1000);
    store.apply({ a: { 'switch.new': { s: 'off', lc: 2 } } });
    expect(sent).toEqual([{ channel: 'ha-tray:event:entityListChanged', payload: { size: 4 } }]);
  });

  it('sends the new favourites when the user picks others, and then follows only those', () => {
    const { store, events, sent, later } = setup();
    later(1000);
    events.setFavourites(['sensor.busy']);
    expect(sent[0]!.payload).toEqual([expect.objectContaining({ entity_id: 'sensor.busy' })]);
    later(1000);
    store.apply({ c: { 'light.kitchen': { '+': { s: 'off' } } } });
    expect(channels(sent)).toEqual(['ha-tray:event:favouriteEntities']);
  });

  it('leaves out favourites Home Assistant does not have', () => {
    const { events } = setup();
    events.setFavourites(['light.gone', 'light.kitchen']);
    expect(events.favouriteViews().map((v) => v.entity_id)).toEqual(['light.kitchen']);
  });
});
