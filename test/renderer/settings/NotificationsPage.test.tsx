import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { NotificationsPage } from '../../../src/renderer/settings/pages/NotificationsPage';
import {
  DEFAULT_NOTIFICATION_SETTINGS,
  type NotificationRule,
  type NotificationSettings,
} from '../../../src/shared/notification-rules';
import { DEFAULT_SETTINGS } from '../../../src/shared/settings';
import { entityView, installFakeBridge } from '../fake-bridge';

const entities = [
  entityView('binary_sensor.front_door', 'off', {
    friendly_name: 'Front door',
    device_class: 'door',
  }),
  entityView('sensor.temp', '21.5', { friendly_name: 'Temperature', unit_of_measurement: '°C' }),
  entityView('binary_sensor.hall_motion', 'off', {
    friendly_name: 'Hall motion',
    device_class: 'motion',
  }),
  entityView('climate.living_room', 'heat', {
    friendly_name: 'Living room',
    hvac_modes: ['off', 'heat'],
    min_temp: 7,
    max_temp: 35,
    current_temperature: 20.5,
    temperature: 21,
    supported_features: 1,
  }),
];

function setup(
  rules: NotificationRule[] = [],
  notifications: NotificationSettings = DEFAULT_NOTIFICATION_SETTINGS,
) {
  const fake = installFakeBridge();
  const user = userEvent.setup();
  const instance = { ...DEFAULT_SETTINGS.instances[0]!, rules };
  render(
    <NotificationsPage instance={instance} notifications={notifications} entities={entities} />,
  );
  return { ...fake, user };
}

describe('NotificationsPage', () => {
  // The file's first test also pays the page's first render and user-event's start on a busy machine.
  it('adds a rule with a preview and a test notification', async () => {
    const { user, api } = setup();
    await user.click(screen.getByRole('button', { name: 'Add a rule' }));
    await chooseEntity(user, 'binary_sensor.front_door');
    expect(screen.getByText('Front door is closed now')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Save rule' })).toBeDisabled();
    await user.click(screen.getByRole('checkbox', { name: 'Open' }));
    expect(await screen.findByText('Front door opened')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Send test notification' }));
    expect(api.sendTestNotification).toHaveBeenCalledWith(
      'first',
      expect.objectContaining({
        entityId: 'binary_sensor.front_door',
        kind: 'becomes',
        states: ['on'],
      }),
    );
    await user.click(screen.getByRole('button', { name: 'Save rule' }));
    expect(api.updateInstance).toHaveBeenCalledWith('first', {
      rules: [
        expect.objectContaining({
          entityId: 'binary_sensor.front_door',
          states: ['on'],
          cooldownSeconds: 60,
          enabled: true,
        }),
      ],
    });
  }, 15_000);

  it('offers thresholds for numeric entities and explains what is missing', async () => {
    const { user } = setup();
    await user.click(screen.getByRole('button', { name: 'Add a rule' }));
    await chooseEntity(user, 'sensor.temp');
    expect(screen.getByLabelText('Notify when')).toHaveValue('becomes');
    await user.selectOptions(screen.getByLabelText('Notify when'), 'threshold');
    expect(screen.getByLabelText('Value (°C)')).toBeInTheDocument();
    expect(screen.getByText('The threshold must be a number')).toBeInTheDocument();
    await user.type(screen.getByLabelText('Value (°C)'), '25');
    expect(screen.queryByText('The threshold must be a number')).not.toBeInTheDocument();
  });

  it('offers "outside a range" for numbers, drawn from its fields, and saves it', async () => {
    const { user, api } = setup();
    await user.click(screen.getByRole('button', { name: 'Add a rule' }));
    await chooseEntity(user, 'sensor.temp');
    await user.selectOptions(screen.getByLabelText('Notify when'), 'outside_range');
    expect(
      screen.getByRole('option', { name: 'A number goes outside a range' }),
    ).toBeInTheDocument();
    expect(screen.getByLabelText('Lowest (°C)')).toHaveAccessibleDescription(
      'The lowest value must be a number',
    );
    await user.type(screen.getByLabelText('Lowest (°C)'), '18');
    await user.type(screen.getByLabelText('Highest (°C)'), '16');
    expect(screen.getByLabelText('Highest (°C)')).toHaveAccessibleDescription(
      'The highest value must be above the lowest',
    );
    await user.clear(screen.getByLabelText('Highest (°C)'));
    await user.type(screen.getByLabelText('Highest (°C)'), '24');
    const saved = {
      entityId: 'sensor.temp',
      kind: 'outside_range',
      min: 18,
      max: 24,
      hysteresis: 0,
      cooldownSeconds: 60,
      enabled: true,
    };
    expect(await screen.findByLabelText('Preview')).toBeInTheDocument();
    expect(api.previewNotification).toHaveBeenLastCalledWith(
      'first',
      expect.objectContaining(saved),
    );
    await user.click(screen.getByRole('button', { name: 'Save rule' }));
    expect(api.updateInstance).toHaveBeenCalledWith('first', {
      rules: [expect.objectContaining(saved)],
    });
  });

  it('lists an "outside a range" rule in words and edits it with its values', async () => {
    const rule = {
      id: 'r2',
      entityId: 'sensor.temp',
      enabled: true,
      kind: 'outside_range' as const,
      min: 18,
      max: 24,
      hysteresis: 0.5,
      cooldownSeconds: 0,
    };
    const { user } = setup([rule]);
    expect(
      screen.getByRole('checkbox', { name: 'When it goes outside 18 to 24 (±0.5)' }),
    ).toBeChecked();
    await user.click(screen.getByRole('button', { name: 'Edit' }));
    expect(screen.getByLabelText('Notify when')).toHaveValue('outside_range');
    expect(screen.getByLabelText('Lowest (°C)')).toHaveValue('18');
    expect(screen.getByLabelText('Highest (°C)')).toHaveValue('24');
  });

  it("ties a field's error to the field: aria-invalid, and the sentence as its description", async () => {
    const { user } = setup();
    await user.click(screen.getByRole('button', { name: 'Add a rule' }));
    await chooseEntity(user, 'sensor.temp');
    await user.selectOptions(screen.getByLabelText('Notify when'), 'threshold');
    const value = screen.getByLabelText('Value (°C)');
    expect(value).toHaveAttribute('aria-invalid', 'true');
    expect(value).toHaveAccessibleDescription('The threshold must be a number');
    expect(screen.getByLabelText('Entity')).not.toHaveAttribute('aria-invalid');
    await user.type(value, '25');
    expect(value).not.toHaveAttribute('aria-invalid');
    expect(value).not.toHaveAccessibleDescription();
  });

  it('lists rules per entity; disables and removes them; sets quiet hours', async () => {
    const rule = {
      id: 'r1',
      entityId: 'binary_sensor.front_door',
      enabled: true,
      kind: 'becomes' as const,
      states: ['on'],
      cooldownSeconds: 0,
    };
    const { user, api } = setup([rule]);
    expect(screen.getByRole('heading', { name: 'Front door' })).toBeInTheDocument();
    await user.click(screen.getByRole('checkbox', { name: 'When it becomes open' }));
    expect(api.updateInstance).toHaveBeenLastCalledWith('first', {
      rules: [{ ...rule, enabled: false }],
    });
    await user.click(screen.getByRole('button', { name: 'Remove rule: When it becomes open' }));
    expect(api.updateInstance).toHaveBeenLastCalledWith('first', { rules: [] });
    await user.click(screen.getByRole('checkbox', { name: /No notifications between/ }));
    expect(api.updateSettings).toHaveBeenLastCalledWith({
      notifications: {
        ...DEFAULT_NOTIFICATION_SETTINGS,
        quietHours: { ...DEFAULT_NOTIFICATION_SETTINGS.quietHours, enabled: true },
      },
    });
  });

  describe('speaks states as Home Assistant does, and saves the raw state', () => {
    it("offers a door's states as Open and Closed, and a motion sensor's as Detected and Clear", async () => {
      const { user } = setup();
      await user.click(screen.getByRole('button', { name: 'Add a rule' }));
      await chooseEntity(user, 'binary_sensor.front_door');
      const states = screen.getByRole('group', { name: 'States' });
      expect(
        within(states)
          .getAllByRole('checkbox')
          .map((box) => accessibleName(box)),
      ).toEqual(expect.arrayContaining(['Open', 'Closed']));
      expect(within(states).queryByRole('checkbox', { name: 'on' })).not.toBeInTheDocument();
      await user.clear(screen.getByLabelText('Entity'));
      await chooseEntity(user, 'binary_sensor.hall_motion');
      expect(screen.getByText('Hall motion is clear now')).toBeInTheDocument();
      expect(screen.getByRole('checkbox', { name: 'Detected' })).toBeInTheDocument();
      expect(screen.getByRole('checkbox', { name: 'Clear' })).toBeInTheDocument();
    });

    it('offers "from" and "to" as words and saves the raw states', async () => {
      const { user, api } = setup();
      await user.click(screen.getByRole('button', { name: 'Add a rule' }));
      await chooseEntity(user, 'binary_sensor.front_door');
      await user.selectOptions(screen.getByLabelText('Notify when'), 'transition');
      await user.selectOptions(screen.getByLabelText('From'), 'Closed');
      await user.selectOptions(screen.getByLabelText('To'), 'Open');
      expect(screen.getByLabelText('To')).toHaveDisplayValue('Open');
      await user.click(screen.getByRole('button', { name: 'Save rule' }));
      expect(api.updateInstance).toHaveBeenCalledWith('first', {
        rules: [expect.objectContaining({ kind: 'transition', from: 'off', to: 'on' })],
      });
    });

    it('lists a rule in words for its entity, and keeps a state the entity does not suggest', async () => {
      const rules = [
        {
          id: 'r1',
          entityId: 'binary_sensor.front_door',
          enabled: true,
          kind: 'transition' as const,
          from: 'off',
          to: 'on',
          cooldownSeconds: 0,
        },
        {
          id: 'r2',
          entityId: 'binary_sensor.hall_motion',
          enabled: true,
          kind: 'becomes' as const,
          states: ['on', 'tampered'],
          cooldownSeconds: 0,
        },
      ];
      const { user, api } = setup(rules);
      expect(
        screen.getByRole('checkbox', { name: 'When it goes from closed to open' }),
      ).toBeInTheDocument();
      expect(
        screen.getByRole('checkbox', { name: 'When it becomes detected or tampered' }),
      ).toBeInTheDocument();
      await user.click(screen.getAllByRole('button', { name: 'Edit' })[1]!);
      expect(screen.getByRole('checkbox', { name: 'Detected' })).toBeChecked();
      expect(screen.getByRole('checkbox', { name: 'tampered' })).toBeChecked();
      await user.click(screen.getByRole('button', { name: 'Save rule' }));
      expect(api.updateInstance).toHaveBeenCalledWith('first', { rules });
    });
  });

  it('labels the above/below choice visibly and offers it in words', async () => {
    const { user } = setup();
    await user.click(screen.getByRole('button', { name: 'Add a rule' }));
    await chooseEntity(user, 'sensor.temp');
    await user.selectOptions(screen.getByLabelText('Notify when'), 'threshold');
    const direction = screen.getByRole('combobox', { name: 'Goes' });
    expect(screen.getByText('Goes', { selector: 'label' })).toHaveAttribute('for', direction.id);
    expect(
      within(direction)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['Above', 'Below']);
  });

  it('edits the hysteresis, with a sentence for a value it cannot take', async () => {
    const { user, api } = setup();
    await user.click(screen.getByRole('button', { name: 'Add a rule' }));
    await chooseEntity(user, 'sensor.temp');
    await user.selectOptions(screen.getByLabelText('Notify when'), 'threshold');
    await user.type(screen.getByLabelText('Value (°C)'), '25');
    const hysteresis = screen.getByLabelText('Hysteresis (°C)');
    expect(hysteresis).toHaveValue('0');
    await user.clear(hysteresis);
    await user.type(hysteresis, '-1');
    expect(hysteresis).toHaveAccessibleDescription(
      expect.stringContaining('The hysteresis cannot be negative'),
    );
    await user.clear(hysteresis);
    await user.type(hysteresis, 'a bit');
    expect(hysteresis).toHaveAccessibleDescription(
      expect.stringContaining('The hysteresis must be a number'),
    );
    expect(screen.getByRole('button', { name: 'Save rule' })).toBeDisabled();
    await user.clear(hysteresis);
    await user.type(hysteresis, '0.5');
    await user.click(screen.getByRole('button', { name: 'Save rule' }));
    expect(api.updateInstance).toHaveBeenCalledWith('first', {
      rules: [expect.objectContaining({ kind: 'threshold', threshold: 25, hysteresis: 0.5 })],
    });
  });

  it('offers a thermostat a rule on its current temperature, chosen from its numeric attributes', async () => {
    const { user, api } = setup();
    await user.click(screen.getByRole('button', { name: 'Add a rule' }));
    await chooseEntity(user, 'climate.living_room');
    expect(screen.getByText('Living room is heat now')).toBeInTheDocument();
    await user.selectOptions(screen.getByLabelText('Notify when'), 'threshold');
    const watched = screen.getByRole('combobox', { name: 'Value to watch' });
    const options = within(watched)
      .getAllByRole('option')
      .map((o) => o.textContent);
    expect(options).toContain('Current temperature (20.5 °C)');
    expect(options).toContain('Target temperature (21 °C)');
    expect(options).not.toContain(expect.stringMatching(/Supported features|Min temp/));
    expect(watched).toHaveDisplayValue('Current temperature (20.5 °C)');
    await user.type(screen.getByLabelText('Value (°C)'), '25');
    await user.click(screen.getByRole('button', { name: 'Save rule' }));
    expect(api.updateInstance).toHaveBeenCalledWith('first', {
      rules: [
        expect.objectContaining({
          entityId: 'climate.living_room',
          kind: 'threshold',
          attribute: 'current_temperature',
          threshold: 25,
        }),
      ],
    });
  });

  it('keeps an attribute the entity has no number in, and says so', async () => {
    const rule = {
      id: 'r3',
      entityId: 'climate.living_room',
      enabled: true,
      kind: 'threshold' as const,
      direction: 'above' as const,
      threshold: 25,
      hysteresis: 0,
      attribute: 'current_humidity',
      cooldownSeconds: 0,
    };
    const { user } = setup([rule]);
    expect(
      screen.getByRole('checkbox', { name: 'When the current humidity goes above 25' }),
    ).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Edit' }));
    const watched = screen.getByRole('combobox', { name: 'Value to watch' });
    expect(watched).toHaveValue('current_humidity');
    expect(watched).toHaveAccessibleDescription(
      'Living room has no number in "current humidity" now: choose a value to watch',
    );
    await user.selectOptions(watched, 'current_temperature');
    expect(watched).not.toHaveAccessibleDescription();
  });
});

/** Types the entity id at once (pasted), as picking it from the list does. */
async function chooseEntity(user: ReturnType<typeof userEvent.setup>, entityId: string) {
  await user.click(screen.getByLabelText('Entity'));
  await user.paste(entityId);
}

/** What a screen reader calls the element (its label's text). */
function accessibleName(element: HTMLElement): string {
  return (element as HTMLInputElement).labels?.[0]?.textContent ?? '';
}
