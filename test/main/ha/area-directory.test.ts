import { describe, expect, it } from 'vitest';
import { AreaDirectory } from '../../../src/main/ha/area-directory';
import { HA_GENERATIONS, HA_RELEASE, startSimulator } from '../../ha-sim';
import { RawClient } from '../../support/raw-ws-client';
import { recordingLogger } from '../../support/test-logger';

describe('AreaDirectory', () => {
  it('names the area of each entity from the registries', async () => {
    const areas = new AreaDirectory(recordingLogger());
    const replies: Record<string, unknown> = {
      'config/entity_registry/list_for_display': {
        entities: [
          { ei: 'light.kitchen', ai: 'kitchen' },
          { ei: 'sensor.x' },
          { ei: 'lock.y', ai: 'gone' },
          { ei: 'switch.plug', di: 'dev1' },
          { ei: 'fan.z', di: 'dev1', ai: 'hall' },
        ],
      },
      'config/area_registry/list': [
        { area_id: 'kitchen', name: 'Kitchen' },
        { area_id: 'office', name: 'Office' },
        { area_id: 'hall', name: 'Hall' },
      ],
      'config/device_registry/list': [{ id: 'dev1', area_id: 'office' }],
    };
    await areas.refresh(async <T>(message: { type: string }) => replies[message.type] as T);
    expect(areas.placeOf('light.kitchen')?.area).toBe('Kitchen');
    expect(areas.placeOf('sensor.x')?.area).toBeUndefined();
    expect(areas.placeOf('lock.y')?.area).toBeUndefined();
    // From its device, unless the entity has an area of its own.
    expect(areas.placeOf('switch.plug')?.area).toBe('Office');
    expect(areas.placeOf('fan.z')?.area).toBe('Hall');
  });

  it('tells whether a read changed any place, and lets only the latest read set them', async () => {
    const areas = new AreaDirectory(recordingLogger());
    const registry = (areaId: string) => ({ entities: [{ ei: 'light.kitchen', ai: areaId }] });
    const homeWith =
      (areaId: string, answered: Promise<unknown> = Promise.resolve()) =>
      async <T>(message: { type: string }) => {
        await answered;
        const replies: Record<string, unknown> = {
          'config/entity_registry/list_for_display': registry(areaId),
          'config/area_registry/list': [
            { area_id: 'kitchen', name: 'Kitchen' },
            { area_id: 'office', name: 'Office' },
          ],
          'config/device_registry/list': [],
        };
        return replies[message.type] as T;
      };
    const changes: string[] = [];
    areas.onChange(() => changes.push(areas.placeOf('light.kitchen')?.area ?? '-'));
    expect(await areas.refresh(homeWith('kitchen'))).toBe(true);
    expect(await areas.refresh(homeWith('kitchen'))).toBe(false);
    // Listeners hear a change, and only a change.
    expect(changes).toEqual(['Kitchen']);
    let answerEarlier: (value?: unknown) => void = () => undefined;
    const earlier = areas.refresh(homeWith('kitchen', new Promise((r) => (answerEarlier = r))));
    expect(await areas.refresh(homeWith('office'))).toBe(true);
    answerEarlier();
    expect(await earlier).toBe(false);
    expect(areas.placeOf('light.kitchen')?.area).toBe('Office');
  });

  it('keeps working without areas when Home Assistant refuses the registries', async () => {
    const logger = recordingLogger();
    const areas = new AreaDirectory(logger);
    await areas.refresh(async () => {
      throw { code: 'unauthorized', message: 'Unauthorized' };
    });
    expect(areas.placeOf('light.kitchen')?.area).toBeUndefined();
    expect(logger.lines.join()).toContain('Areas are not available');
  });
});

describe.each(HA_GENERATIONS)('AreaDirectory against Home Assistant %s', (generation) => {
  it('names areas, and floors and labels where Home Assistant has them', async () => {
    const sim = await startSimulator({ haVersion: HA_RELEASE[generation] });
    try {
      const client = await RawClient.authenticated(sim.url, sim.token);
      const sent: string[] = [];
      const logger = recordingLogger();
      const areas = new AreaDirectory(logger);
      await areas.refresh(async <T>(message: { type: string }) => {
        sent.push(message.type);
        const reply = await client.command(message);
        if (!reply.success) throw reply.error;
        return reply.result as T;
      }, sim.haVersion);
      client.close();
      if (generation === '2024.1') {
        // Silent: not even asked, and nothing logged.
        expect(sent.filter((t) => /floor|label/.test(t))).toEqual([]);
        expect(areas.placeOf('light.kitchen')).toEqual({ area: 'Kitchen' });
        expect(areas.placeOf('switch.tv_socket')).toEqual({ area: 'Living room' });
      } else {
        // In Home Assistant's order: as the registries list them (the user's order since 2025.12).
        expect(areas.placeOf('light.kitchen')).toEqual({
          area: 'Kitchen',
          areaOrder: 1,
          floor: 'Ground floor',
          floorOrder: 0,
        });
        expect(areas.placeOf('switch.tv_socket')).toMatchObject({ labels: ['Energy'] });
        // Through its device, in the office on the first floor.
        expect(areas.placeOf('sensor.office_co2')).toEqual({
          area: 'Office',
          areaOrder: 5,
          floor: 'First floor',
          floorOrder: 1,
          labels: ['Air quality'],
        });
        expect(areas.placeOf('cover.garage_door')).toEqual({ area: 'Garage', areaOrder: 4 });
      }
      expect(logger.lines).toEqual([]);
    } finally {
      await sim.close();
    }
  });

  it('falls back quietly when a Home Assistant that claims 2024.4 refuses the floor list', async () => {
    const logger = recordingLogger();
    const areas = new AreaDirectory(logger);
    await areas.refresh(async <T>(message: { type: string }) => {
      if (/floor|label/.test(message.type))
        throw { code: generation === '2024.1' ? 'unknown_command' : 'invalid_format' };
      return (
        message.type === 'config/area_registry/list'
          ? [{ area_id: 'k', name: 'Kitchen', floor_id: 'f' }]
          : { entities: [{ ei: 'light.kitchen', ai: 'k', lb: ['x'] }] }
      ) as T;
    }, '2024.4.0');
    expect(areas.placeOf('light.kitchen')).toEqual({ area: 'Kitchen' });
    expect(logger.lines).toEqual([]);
  });
});
