import { describe, expect, it } from 'vitest';
import { scenarioClients } from './clients';
import type { ConformanceTarget } from './target';

/** Entities that come and go, and subscriptions that end, as the entity store sees them. */
export function entityLifecycleScenarios(target: () => ConformanceTarget): void {
  describe('subscribe_entities: entities that come and go', () => {
    const { open, call } = scenarioClients(target);

    it('a helper made after subscribing arrives under "a" with its whole state; deleted, under "r"', async () => {
      const client = await open();
      const entityId = 'input_boolean.conformance_helper';
      const id = await client.subscribe({ type: 'subscribe_entities', entity_ids: [entityId] });
      expect(await client.nextEvent(id)).toEqual({ a: {} });
      const helper = await target().addHelper('Conformance helper');
      let removed = false;
      try {
        expect(helper.entityId).toBe(entityId);
        expect(await client.nextEvent(id)).toEqual({
          a: {
            [entityId]: {
              s: 'off',
              a: { editable: true, friendly_name: 'Conformance helper' },
              c: expect.any(String),
              lc: expect.any(Number),
            },
          },
        });
        await helper.remove();
        removed = true;
        expect(await client.nextEvent(id)).toEqual({ r: [entityId] });
      } finally {
        if (!removed) await helper.remove();
      }
    });

    it('unsubscribe_events ends one subscription; the id is then unknown', async () => {
      const client = await open();
      const entity_ids = ['switch.coffee_machine'];
      const ended = await client.subscribe({ type: 'subscribe_entities', entity_ids });
      const kept = await client.subscribe({ type: 'subscribe_entities', entity_ids });
      await client.nextEvent(ended);
      await client.nextEvent(kept);
      expect(await client.command({ type: 'unsubscribe_events', subscription: ended })).toEqual({
        id: expect.any(Number),
        type: 'result',
        success: true,
        result: null,
      });
      await call(client, 'switch', 'toggle', 'switch.coffee_machine');
      // Both subscriptions hear the same change at once: when the kept one has it, the ended
      // one would have had it too.
      await client.nextEvent(kept, (e) => e.c?.['switch.coffee_machine'] !== undefined);
      await client.command({ type: 'ping' });
      expect(client.messages.filter((m) => m.type === 'event' && m.id === ended)).toEqual([]);
      expect(
        (await client.command({ type: 'unsubscribe_events', subscription: ended })).error,
      ).toEqual({ code: 'not_found', message: 'Subscription not found.' });
    });
  });
}
