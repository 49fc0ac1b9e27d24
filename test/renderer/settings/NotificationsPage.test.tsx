import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { NotificationsPage } from '../../../src/renderer/settings/pages/NotificationsPage';
import {
  DEFAULT_NOTIFICATION_SETTINGS,
  type NotificationSettings,
} from '../../../src/shared/notification-rules';
import { entityView, installFakeBridge } from '../fake-bridge';

const entities = [
  entityView('binary_sensor.front_door', 'off', {
    friendly_name: 'Front door',
    device_class: 'door',
  }),
  entityView('sensor.temp', '21.5', { friendly_name: 'Temperature', unit_of_measurement: '°C' }),
];

function setup(notifications: NotificationSettings = DEFAULT_NOTIFICATION_SETTINGS) {
  const fake = installFakeBridge();
  const user = userEvent.setup();
  render(<NotificationsPage notifications={notifications} entities={entities} />);
  return { ...fake, user };
}

describe('NotificationsPage', () => {
  it('adds a rule with a preview and a test notification', async () => {
    const { user, api } = setup();
    await user.click(screen.getByRole('button', { name: 'Add a rule' }));
    await user.type(screen.getByLabelText('Entity'), 'binary_sensor.front_door');
    expect(screen.getByText('Front door is off now')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Save rule' })).toBeDisabled();
    await user.type(screen.getByLabelText('States (separated by commas)'), 'on');
    expect(await screen.findByText('Front door opened')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Send test notification' }));
    expect(api.sendTestNotification).toHaveBeenCalledWith(
      expect.objectContaining({
        entityId: 'binary_sensor.front_door',
        kind: 'becomes',
        states: ['on'],
      }),
    );
    await user.click(screen.getByRole('button', { name: 'Save rule' }));
    expect(api.updateSettings).toHaveBeenCalledWith({
      notifications: {
        ...DEFAULT_NOTIFICATION_SETTINGS,
        rules: [
          expect.objectContaining({
            entityId: 'binary_sensor.front_door',
            states: ['on'],
            cooldownSeconds: 60,
            enabled: true,
          }),
        ],
      },
    });
  });

  it('offers thresholds for numeric entities and explains what is missing', async () => {
    const { user } = setup();
    await user.click(screen.getByRole('button', { name: 'Add a rule' }));
    await user.type(screen.getByLabelText('Entity'), 'sensor.temp');
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
    await user.type(screen.getByLabelText('Entity'), 'sensor.temp');
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
    expect(api.previewNotification).toHaveBeenLastCalledWith(expect.objectContaining(saved));
    await user.click(screen.getByRole('button', { name: 'Save rule' }));
    expect(api.updateSettings).toHaveBeenCalledWith({
      notifications: { ...DEFAULT_NOTIFICATION_SETTINGS, rules: [expect.objectContaining(saved)] },
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
    const { user } = setup({ ...DEFAULT_NOTIFICATION_SETTINGS, rules: [rule] });
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
    await user.type(screen.getByLabelText('Entity'), 'sensor.temp');
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
    const { user, api } = setup({ ...DEFAULT_NOTIFICATION_SETTINGS, rules: [rule] });
    expect(screen.getByRole('heading', { name: 'Front door' })).toBeInTheDocument();
    await user.click(screen.getByRole('checkbox', { name: 'When it becomes on' }));
    expect(api.updateSettings).toHaveBeenLastCalledWith({
      notifications: { ...DEFAULT_NOTIFICATION_SETTINGS, rules: [{ ...rule, enabled: false }] },
    });
    await user.click(screen.getByRole('button', { name: 'Remove rule: When it becomes on' }));
    expect(api.updateSettings).toHaveBeenLastCalledWith({
      notifications: { ...DEFAULT_NOTIFICATION_SETTINGS, rules: [] },
    });
    await user.click(screen.getByRole('checkbox', { name: /No notifications between/ }));
    expect(api.updateSettings).toHaveBeenLastCalledWith({
      notifications: {
        ...DEFAULT_NOTIFICATION_SETTINGS,
        rules: [rule],
        quietHours: { ...DEFAULT_NOTIFICATION_SETTINGS.quietHours, enabled: true },
      },
    });
  });
});
