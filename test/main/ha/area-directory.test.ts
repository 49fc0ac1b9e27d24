import { describe, expect, it } from 'vitest';
import { AreaDirectory } from '../../../src/main/ha/area-directory';
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
    expect(areas.areaOf('light.kitchen')).toBe('Kitchen');
    expect(areas.areaOf('sensor.x')).toBeUndefined();
    expect(areas.areaOf('lock.y')).toBeUndefined();
    // From its device, unless the entity has an area of its own.
    expect(areas.areaOf('switch.plug')).toBe('Office');
    expect(areas.areaOf('fan.z')).toBe('Hall');
  });

  it('keeps working without areas when Home Assistant refuses the registries', async () => {
    const logger = recordingLogger();
    const areas = new AreaDirectory(logger);
    await areas.refresh(async () => {
      throw { code: 'unauthorized', message: 'Unauthorized' };
    });
    expect(areas.areaOf('light.kitchen')).toBeUndefined();
    expect(logger.lines.join()).toContain('Areas are not available');
  });
});
