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
