import { describe, expect, it } from 'vitest';
import { HA_RELEASE } from './generation';
import { useSimulator } from './test-helpers';

const { start, login } = useSimulator();

const REGISTRY_EVENTS = ['area', 'device', 'entity', 'floor', 'label', 'category'].map(
  (registry) => `${registry}_registry_updated`,
);

describe('registry events', () => {
  it.each([
    ['2024.1.6', ['area', 'device', 'entity']],
    ['2026.2.3', ['area', 'device', 'entity', 'floor', 'label', 'category']],
  ])('Home Assistant %s lets a non-admin follow the %j registries', async (haVersion, allowed) => {
    const sim = await start({ haVersion });
    const guest = await login(sim, sim.createLongLivedToken(sim.createUser('Guest').id, 'guest'));
    for (const eventType of REGISTRY_EVENTS) {
      const reply = await guest.command({ type: 'subscribe_events', event_type: eventType });
      const expected = allowed.includes(eventType.replace('_registry_updated', ''));
      expect([eventType, reply.success]).toEqual([eventType, expected]);
    }
    expect(sim.eventSubscribers('area_registry_updated')).toBe(1);
    guest.close();
    await expect.poll(() => sim.eventSubscribers('area_registry_updated')).toBe(0);
  });

  it('moving an entity, a device or an area, and renaming one, fire what Home Assistant fires', async () => {
    const sim = await start();
    const client = await login(sim);
    const subscribe = (event_type: string) =>
      client.subscribe({ type: 'subscribe_events', event_type });
    const [entities, devices, areas] = await Promise.all([
      subscribe('entity_registry_updated'),
      subscribe('device_registry_updated'),
      subscribe('area_registry_updated'),
    ]);
    sim.registries.updateEntity('switch.heater', { area_id: 'kitchen' });
    expect((await client.nextEvent(entities)).data).toEqual({
      action: 'update',
      entity_id: 'switch.heater',
      changes: { area_id: 'office' },
    });
    sim.registries.updateEntity('switch.heater', { area_id: 'kitchen' });
    sim.registries.updateDevice('b3f1c0ffee0ff1ce0a1b2c3d4e5f6a7b', { area_id: 'garage' });
    expect((await client.nextEvent(devices)).data).toEqual({
      action: 'update',
      device_id: 'b3f1c0ffee0ff1ce0a1b2c3d4e5f6a7b',
      changes: { area_id: 'office' },
    });
    // An area update fires even when nothing changed, as in Home Assistant.
    sim.registries.updateArea('garage', { name: 'Garage' });
    sim.registries.updateArea('garage', { name: 'Car port' });
    for (let i = 0; i < 2; i++)
      expect((await client.nextEvent(areas)).data).toEqual({ action: 'update', area_id: 'garage' });
    const display = (await client.command({ type: 'config/entity_registry/list_for_display' }))
      .result.entities as Array<Record<string, unknown>>;
    expect(display.find((e) => e.ei === 'switch.heater')?.ai).toBe('kitchen');
    const listed = (await client.command({ type: 'config/area_registry/list' })).result;
    expect(listed.find((a: { area_id: string }) => a.area_id === 'garage').name).toBe('Car port');
    // Nothing moved the second time: the next entity event is the move back.
    sim.registries.updateEntity('switch.heater', { area_id: null });
    expect((await client.nextEvent(entities)).data.changes).toEqual({ area_id: 'kitchen' });
    expect(() => sim.registries.updateFloor('ground_floor', { name: 'x' })).toThrow(
      'Home Assistant 2024.1 has no floors',
    );
  });

  it('2026.2: renaming and reordering floors, moving an area to another floor, renaming a label', async () => {
    const sim = await start({ haVersion: HA_RELEASE['2026.2'] });
    const client = await login(sim);
    const subscribe = (event_type: string) =>
      client.subscribe({ type: 'subscribe_events', event_type });
    const [floors, areas, labels] = await Promise.all([
      subscribe('floor_registry_updated'),
      subscribe('area_registry_updated'),
      subscribe('label_registry_updated'),
    ]);
    sim.registries.updateFloor('first_floor', { name: 'Upstairs' });
    expect((await client.nextEvent(floors)).data).toEqual({
      action: 'update',
      floor_id: 'first_floor',
    });
    sim.registries.reorderFloors(['first_floor', 'ground_floor']);
    expect((await client.nextEvent(floors)).data).toEqual({ action: 'reorder' });
    sim.registries.updateArea('garage', { floor_id: 'ground_floor' });
    expect((await client.nextEvent(areas)).data).toEqual({ action: 'update', area_id: 'garage' });
    sim.registries.reorderAreas([
      'office',
      'garage',
      'hallway',
      'bedroom',
      'kitchen',
      'living_room',
    ]);
    expect((await client.nextEvent(areas)).data).toEqual({ action: 'reorder', area_id: null });
    sim.registries.updateLabel('energy', { name: 'Power' });
    expect((await client.nextEvent(labels)).data).toEqual({ action: 'update', label_id: 'energy' });

    const list = async (type: string) => (await client.command({ type })).result;
    expect((await list('config/floor_registry/list')).map((f: { name: string }) => f.name)).toEqual(
      ['Upstairs', 'Ground floor'],
    );
    const areaList = await list('config/area_registry/list');
    expect(areaList[0].area_id).toBe('office');
    expect(areaList.find((a: { area_id: string }) => a.area_id === 'garage').floor_id).toBe(
      'ground_floor',
    );
    expect((await list('config/label_registry/list'))[0].name).toBe('Power');
    expect(() => sim.registries.reorderFloors(['first_floor'])).toThrow('every entry');
    expect(() => sim.registries.updateArea('garage', { floor_id: 'attic' })).toThrow(
      'There is no floor attic',
    );
  });
});
