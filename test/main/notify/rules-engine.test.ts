import { beforeEach, describe, expect, it } from 'vitest';
import { RulesEngine, type RuleFiring } from '../../../src/main/notify/rules-engine';
import type { NotificationRule } from '../../../src/shared/notification-rules';
import { FakeClock } from '../../support/fake-clock';
import { FakeHome } from './fake-home';
import { rule } from './states';

const START = Date.UTC(2026, 0, 15, 12, 0, 0);

let clock: FakeClock;
let fired: RuleFiring[];
let engine: RulesEngine;
let home: FakeHome;

function setup(rules: NotificationRule[], initial: Record<string, string> = {}) {
  engine.setRules(rules);
  for (const [id, value] of Object.entries(initial)) home.set(id, value);
  home.connect();
}

const summary = () => fired.map((f) => `${f.oldState}->${f.current.state}`);

beforeEach(() => {
  clock = new FakeClock(START);
  fired = [];
  engine = new RulesEngine({ clock, onFire: (firing) => fired.push(firing) });
  home = new FakeHome(clock, engine);
  home.disconnect();
});

describe('any change', () => {
  it('fires on every change of the state with the state it came from', () => {
    setup([rule('any_change', { entityId: 'light.kitchen' })], { 'light.kitchen': 'off' });
    home.set('light.kitchen', 'on');
    home.set('light.kitchen', 'off');
    expect(summary()).toEqual(['off->on', 'on->off']);
    expect(fired[0]).toMatchObject({ whileDisconnected: false, current: { state: 'on' } });
  });

  it('ignores updates that change only attributes', () => {
    setup([rule('any_change', { entityId: 'light.kitchen' })], { 'light.kitchen': 'on' });
    home.set('light.kitchen', 'on', { brightness: 10 });
    home.set('light.kitchen', 'on', { brightness: 200 });
    expect(fired).toEqual([]);
  });

  it('measures a change from the last real state, across unavailable and unknown', () => {
    setup([rule('any_change', { entityId: 'light.kitchen' })], { 'light.kitchen': 'on' });
    home.set('light.kitchen', 'unavailable');
    home.set('light.kitchen', 'on');
    home.set('light.kitchen', 'unknown');
    home.set('light.kitchen', 'off');
    expect(summary()).toEqual(['on->off']);
  });

  it('stays silent when an entity that started unavailable gets its first real state', () => {
    setup([rule('any_change', { entityId: 'light.kitchen' })], { 'light.kitchen': 'unavailable' });
    home.set('light.kitchen', 'on');
    expect(fired).toEqual([]);
    home.set('light.kitchen', 'off');
    expect(summary()).toEqual(['on->off']);
  });

  it('does nothing for entities without rules, and for entities added or removed live', () => {
    setup([rule('any_change', { entityId: 'light.kitchen' })], { 'light.hall': 'off' });
    home.set('light.hall', 'on');
    home.set('light.kitchen', 'on');
    home.remove('light.kitchen');
    home.set('light.kitchen', 'off');
    expect(fired).toEqual([]);
  });
});

describe('becomes one of given states', () => {
  it('fires on entering any of the states, not on leaving them', () => {
    setup([rule('becomes', { entityId: 'lock.front', states: ['unlocked', 'jammed'] })], {
      'lock.front': 'locked',
    });
    home.set('lock.front', 'unlocked');
    home.set('lock.front', 'jammed');
    home.set('lock.front', 'locked');
    expect(summary()).toEqual(['locked->unlocked', 'unlocked->jammed']);
  });

  it('reports "unavailable" when the rule asks for it', () => {
    setup([rule('becomes', { entityId: 'lock.front', states: ['unavailable'] })], {
      'lock.front': 'locked',
    });
    home.set('lock.front', 'unavailable');
    home.set('lock.front', 'locked');
    expect(summary()).toEqual(['locked->unavailable']);
  });

  it('does not fire when the entity comes back from unavailable in the same state', () => {
    setup([rule('becomes', { entityId: 'binary_sensor.door', states: ['on'] })], {
      'binary_sensor.door': 'on',
    });
    home.set('binary_sensor.door', 'unavailable');
    home.set('binary_sensor.door', 'on');
    expect(fired).toEqual([]);
  });
});

describe('from one state to another', () => {
  it('fires only for the exact pair', () => {
    setup([rule('transition', { entityId: 'cover.garage', from: 'closed', to: 'open' })], {
      'cover.garage': 'closed',
    });
    home.set('cover.garage', 'opening');
    home.set('cover.garage', 'open');
    home.set('cover.garage', 'closed');
    home.set('cover.garage', 'open');
    expect(summary()).toEqual(['closed->open']);
  });

  it('takes "unavailable" as the start literally when the rule names it', () => {
    setup([rule('transition', { entityId: 'switch.tv', from: 'unavailable', to: 'on' })], {
      'switch.tv': 'on',
    });
    home.set('switch.tv', 'unavailable');
    home.set('switch.tv', 'on');
    expect(summary()).toEqual(['unavailable->on']);
  });
});

describe('numeric threshold', () => {
  const above = (fields: Partial<Extract<NotificationRule, { kind: 'threshold' }>> = {}) =>
    rule('threshold', {
      entityId: 'sensor.temp',
      direction: 'above',
      threshold: 25,
      hysteresis: 0.5,
      ...fields,
    });

  it('fires once when the value crosses above the threshold', () => {
    setup([above()], { 'sensor.temp': '24' });
    home.set('sensor.temp', '25');
    expect(fired).toEqual([]);
    home.set('sensor.temp', '25.5');
    home.set('sensor.temp', '26');
    expect(summary()).toEqual(['25->25.5']);
  });

  it('re-arms only after the value falls back past threshold minus hysteresis', () => {
    setup([above()], { 'sensor.temp': '24' });
    for (const value of ['25.1', '24.9', '25.2', '24.6', '25.3']) home.set('sensor.temp', value);
    expect(fired).toHaveLength(1);
    home.set('sensor.temp', '24.5');
    home.set('sensor.temp', '25.4');
    expect(summary()).toEqual(['24->25.1', '24.5->25.4']);
  });

  it('watches the other direction for "below", with hysteresis above the threshold', () => {
    setup(
      [
        rule('threshold', {
          entityId: 'sensor.battery',
          direction: 'below',
          threshold: 20,
          hysteresis: 5,
        }),
      ],
      { 'sensor.battery': '40' },
    );
    for (const value of ['19', '21', '18', '24', '19']) home.set('sensor.battery', value);
    expect(fired).toHaveLength(1);
    home.set('sensor.battery', '25');
    home.set('sensor.battery', '15');
    expect(summary()).toEqual(['40->19', '25->15']);
  });

  it('does not fire when the value is already past the threshold at the first snapshot', () => {
    setup([above()], { 'sensor.temp': '30' });
    home.set('sensor.temp', '31');
    expect(fired).toEqual([]);
    home.set('sensor.temp', '24');
    home.set('sensor.temp', '26');
    expect(fired).toHaveLength(1);
  });

  it('keeps its arming across unavailable values, which neither fire nor re-arm', () => {
    setup([above()], { 'sensor.temp': '24' });
    home.set('sensor.temp', 'unavailable');
    home.set('sensor.temp', '26');
    home.set('sensor.temp', 'unavailable');
    home.set('sensor.temp', '27');
    expect(summary()).toEqual(['unavailable->26']);
  });

  it('can watch a numeric attribute, where attribute-only updates count', () => {
    setup([above({ entityId: 'climate.living', attribute: 'current_temperature' })]);
    home.set('climate.living', 'heat', { current_temperature: 21 });
    home.connect();
    home.set('climate.living', 'heat', { current_temperature: 25.5 });
    expect(fired).toHaveLength(1);
    expect(fired[0]?.current.attributes.current_temperature).toBe(25.5);
  });

  it('learns its side when added while the value is already past the threshold', () => {
    setup([], { 'sensor.temp': '30' });
    engine.setRules([above()]);
    home.set('sensor.temp', '31');
    expect(fired).toEqual([]);
  });
});

describe('"only if it stays so for N seconds"', () => {
  it('fires after N seconds when the state stays', () => {
    setup([rule('becomes', { entityId: 'binary_sensor.door', states: ['on'], forSeconds: 60 })], {
      'binary_sensor.door': 'off',
    });
    home.set('binary_sensor.door', 'on');
    clock.advance(59_999);
    expect(fired).toEqual([]);
    home.set('binary_sensor.door', 'on', { battery: 80 });
    clock.advance(1);
    expect(summary()).toEqual(['off->on']);
  });

  it('is cancelled when the state changes back before N seconds', () => {
    setup([rule('becomes', { entityId: 'binary_sensor.door', states: ['on'], forSeconds: 60 })], {
      'binary_sensor.door': 'off',
    });
    home.set('binary_sensor.door', 'on');
    clock.advance(30_000);
    home.set('binary_sensor.door', 'off');
    clock.advance(120_000);
    expect(fired).toEqual([]);
    expect(clock.pendingTimers()).toBe(0);
  });

  it('starts over when the state leaves and comes back', () => {
    setup([rule('any_change', { entityId: 'light.porch', forSeconds: 10 })], {
      'light.porch': 'off',
    });
    home.set('light.porch', 'on');
    clock.advance(5_000);
    home.set('light.porch', 'off');
    clock.advance(5_000);
    home.set('light.porch', 'on');
    clock.advance(9_000);
    expect(summary()).toEqual([]);
    clock.advance(6_000);
    // "off" held only 5 s, "on" (the second time) held 10 s.
    expect(summary()).toEqual(['off->on']);
  });

  it('for a threshold, waits while the value stays past it and cancels when it returns', () => {
    setup(
      [
        rule('threshold', {
          entityId: 'sensor.power',
          direction: 'below',
          threshold: 5,
          hysteresis: 0,
          forSeconds: 120,
        }),
      ],
      { 'sensor.power': '1500' },
    );
    home.set('sensor.power', '3');
    clock.advance(60_000);
    home.set('sensor.power', '2');
    clock.advance(30_000);
    home.set('sensor.power', '900');
    clock.advance(300_000);
    expect(fired).toEqual([]);
    home.set('sensor.power', '1');
    clock.advance(120_000);
    expect(summary()).toEqual(['900->1']);
  });
});

describe('cooldown and flapping', () => {
  it('bounds a flapping sensor to one notification per cooldown', () => {
    setup([rule('any_change', { entityId: 'binary_sensor.motion', cooldownSeconds: 60 })], {
      'binary_sensor.motion': 'off',
    });
    // 600 flips over 10 minutes, one a second.
    for (let i = 0; i < 600; i++) {
      home.set('binary_sensor.motion', i % 2 === 0 ? 'on' : 'off');
      clock.advance(1_000);
    }
    expect(fired).toHaveLength(10);
  });

  it('notifies again once the cooldown has passed', () => {
    setup(
      [rule('becomes', { entityId: 'lock.front', states: ['unlocked'], cooldownSeconds: 300 })],
      {
        'lock.front': 'locked',
      },
    );
    home.set('lock.front', 'unlocked');
    home.set('lock.front', 'locked');
    clock.advance(299_999);
    home.set('lock.front', 'unlocked');
    home.set('lock.front', 'locked');
    expect(fired).toHaveLength(1);
    clock.advance(1);
    home.set('lock.front', 'unlocked');
    expect(fired).toHaveLength(2);
  });

  it('without a cooldown, flapping with a "stays so for" wait still notifies at most once', () => {
    setup([rule('becomes', { entityId: 'binary_sensor.door', states: ['on'], forSeconds: 5 })], {
      'binary_sensor.door': 'off',
    });
    for (let i = 0; i < 100; i++) {
      home.set('binary_sensor.door', i % 2 === 0 ? 'on' : 'off');
      clock.advance(1_000);
    }
    home.set('binary_sensor.door', 'on');
    clock.advance(5_000);
    expect(fired).toHaveLength(1);
  });
});

describe('snapshots and outages', () => {
  const doorRules = () => [
    rule('any_change', { entityId: 'binary_sensor.door' }),
    rule('becomes', { entityId: 'binary_sensor.door', states: ['on'], forSeconds: 30 }),
    rule('threshold', {
      entityId: 'sensor.temp',
      direction: 'above',
      threshold: 25,
      hysteresis: 1,
    }),
  ];

  it('treats the first snapshot as the baseline', () => {
    setup(doorRules(), { 'binary_sensor.door': 'on', 'sensor.temp': '30' });
    clock.advance(60_000);
    expect(fired).toEqual([]);
  });

  it('20 reconnects with unchanged states notify nothing', () => {
    setup(doorRules(), { 'binary_sensor.door': 'off', 'sensor.temp': '20' });
    for (let i = 0; i < 20; i++) {
      home.disconnect();
      engine.suspend();
      clock.advance(10_000);
      home.connect();
      clock.advance(60_000);
    }
    expect(fired).toEqual([]);
  });

  it('reports a change that happened during an outage exactly once, marked as such', () => {
    setup([rule('any_change', { entityId: 'binary_sensor.door' })], {
      'binary_sensor.door': 'off',
    });
    home.disconnect();
    engine.suspend();
    home.set('binary_sensor.door', 'on');
    clock.advance(5_000);
    home.connect();
    for (let i = 0; i < 5; i++) {
      home.disconnect();
      home.connect();
    }
    expect(fired).toHaveLength(1);
    expect(fired[0]).toMatchObject({ oldState: 'off', whileDisconnected: true });
  });

  it('reports nothing when the state changed and changed back during the outage', () => {
    setup([rule('any_change', { entityId: 'binary_sensor.door' })], {
      'binary_sensor.door': 'off',
    });
    home.disconnect();
    home.set('binary_sensor.door', 'on');
    home.set('binary_sensor.door', 'off');
    home.connect();
    expect(fired).toEqual([]);
  });

  it('reports a threshold crossed during an outage', () => {
    setup(doorRules(), { 'binary_sensor.door': 'off', 'sensor.temp': '20' });
    home.disconnect();
    home.set('sensor.temp', '27');
    home.connect();
    home.disconnect();
    home.connect();
    expect(fired).toEqual([expect.objectContaining({ oldState: '20', whileDisconnected: true })]);
  });

  it('counts the wait of a change seen in the snapshot from when Home Assistant saw it', () => {
    setup([rule('becomes', { entityId: 'binary_sensor.door', states: ['on'], forSeconds: 60 })], {
      'binary_sensor.door': 'off',
    });
    home.disconnect();
    engine.suspend();
    clock.advance(10_000);
    home.set('binary_sensor.door', 'on');
    clock.advance(45_000);
    home.connect();
    clock.advance(14_999);
    expect(fired).toEqual([]);
    clock.advance(1);
    expect(fired).toEqual([expect.objectContaining({ whileDisconnected: true })]);
  });

  it('holds a wait during an outage and finishes it if the state held', () => {
    setup([rule('becomes', { entityId: 'binary_sensor.door', states: ['on'], forSeconds: 60 })], {
      'binary_sensor.door': 'off',
    });
    home.set('binary_sensor.door', 'on');
    clock.advance(20_000);
    home.disconnect();
    engine.suspend();
    clock.advance(120_000);
    expect(fired).toEqual([]);
    home.connect();
    expect(fired).toEqual([expect.objectContaining({ whileDisconnected: false })]);
  });

  it('drops a wait whose state changed during the outage', () => {
    setup([rule('becomes', { entityId: 'binary_sensor.door', states: ['on'], forSeconds: 60 })], {
      'binary_sensor.door': 'off',
    });
    home.set('binary_sensor.door', 'on');
    home.disconnect();
    engine.suspend();
    home.set('binary_sensor.door', 'off');
    clock.advance(120_000);
    home.connect();
    clock.advance(120_000);
    expect(fired).toEqual([]);
  });

  it('restarts a wait whose state left and came back during the outage', () => {
    setup([rule('becomes', { entityId: 'binary_sensor.door', states: ['on'], forSeconds: 60 })], {
      'binary_sensor.door': 'off',
    });
    home.set('binary_sensor.door', 'on');
    home.disconnect();
    engine.suspend();
    clock.advance(30_000);
    home.set('binary_sensor.door', 'off');
    home.set('binary_sensor.door', 'on');
    clock.advance(40_000);
    home.connect();
    clock.advance(19_999);
    expect(fired).toEqual([]);
    clock.advance(1);
    expect(fired).toEqual([expect.objectContaining({ whileDisconnected: true })]);
  });

  it('starts a returning entity from a new baseline', () => {
    setup([rule('any_change', { entityId: 'light.garden' })], { 'light.garden': 'off' });
    home.disconnect();
    home.remove('light.garden');
    home.connect();
    home.disconnect();
    home.set('light.garden', 'on');
    home.connect();
    expect(fired).toEqual([]);
  });
});

describe('rule changes', () => {
  it('ignores disabled rules', () => {
    setup([rule('any_change', { entityId: 'light.kitchen', enabled: false })], {
      'light.kitchen': 'off',
    });
    home.set('light.kitchen', 'on');
    expect(fired).toEqual([]);
  });

  it('keeps the cooldown of an unchanged rule and resets an edited one', () => {
    const r = rule('any_change', { entityId: 'light.kitchen', cooldownSeconds: 600 });
    setup([r], { 'light.kitchen': 'off' });
    home.set('light.kitchen', 'on');
    engine.setRules([{ ...r }]);
    home.set('light.kitchen', 'off');
    expect(fired).toHaveLength(1);
    engine.setRules([{ ...r, cooldownSeconds: 300 }]);
    home.set('light.kitchen', 'on');
    expect(fired).toHaveLength(2);
  });

  it('keeps the cooldown of a rule saved again with its fields in another order', () => {
    const r = rule('any_change', { entityId: 'light.kitchen', cooldownSeconds: 600 });
    setup([r], { 'light.kitchen': 'off' });
    home.set('light.kitchen', 'on');
    const reordered = Object.fromEntries(Object.entries(r).reverse()) as NotificationRule;
    engine.setRules([reordered]);
    home.set('light.kitchen', 'off');
    expect(fired).toHaveLength(1);
  });

  it('cancels the wait of a removed rule', () => {
    setup([rule('any_change', { entityId: 'light.kitchen', forSeconds: 60 })], {
      'light.kitchen': 'off',
    });
    home.set('light.kitchen', 'on');
    engine.setRules([]);
    clock.advance(60_000);
    expect(fired).toEqual([]);
    expect(clock.pendingTimers()).toBe(0);
  });

  it('dispose stops every timer', () => {
    setup([rule('any_change', { entityId: 'light.kitchen', forSeconds: 60 })], {
      'light.kitchen': 'off',
    });
    home.set('light.kitchen', 'on');
    engine.dispose();
    expect(clock.pendingTimers()).toBe(0);
  });
});
