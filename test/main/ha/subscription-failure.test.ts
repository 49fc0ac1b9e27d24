import { ERR_CONNECTION_LOST } from 'home-assistant-js-websocket';
import { describe, expect, it } from 'vitest';
import { classifySubscriptionFailure } from '../../../src/main/ha/subscription-failure';
import { SubscriptionLayer } from '../../../src/main/ha/subscription-layer';
import {
  FakeConnectionSource,
  FakeHaConnection,
  settle,
  type Refusal,
} from '../../support/fake-ha-connection';
import { recordingLogger } from '../../support/test-logger';

describe('classifySubscriptionFailure', () => {
  it.each([
    [{ code: 'unknown_command', message: 'Unknown command.' }, 'unavailable'],
    [{ code: 'not_found', message: 'Webhook not found.' }, 'unavailable'],
    [{ code: 'unauthorized', message: 'Unauthorized' }, 'unavailable'],
    [{ code: 'invalid_format', message: 'Message incorrectly formatted.' }, 'unavailable'],
    [{ code: ERR_CONNECTION_LOST, message: 'Connection lost' }, 'lost'],
    [ERR_CONNECTION_LOST, 'lost'],
    [{ type: 'result', success: false, error: { code: ERR_CONNECTION_LOST } }, 'lost'],
    [{ code: 'home_assistant_error', message: 'Something broke' }, 'failed'],
    [new Error('a bug'), 'failed'],
  ])('%j is %s', (error, outcome) => {
    expect(classifySubscriptionFailure(error).outcome).toBe(outcome);
  });
});

/** One subscription on a fake connection that refuses it with `refusal`. */
function refusedSubscription(refusal: Refusal) {
  const logger = recordingLogger();
  const source = new FakeConnectionSource();
  const layer = new SubscriptionLayer(logger, source);
  const subscription = layer.add({
    what: 'the push channel',
    message: () => ({ type: 'mobile_app/push_notification_channel', webhook_id: 'abc' }),
    apply: () => undefined,
  });
  const connect = async () => {
    const conn = new FakeHaConnection({ refuse: () => refusal });
    source.connect(conn);
    await settle();
    return conn;
  };
  return { logger, subscription, connect };
}

describe('a refused subscription', () => {
  it('not_found: unavailable, not asked again on demand, said once over two connections', async () => {
    const { logger, subscription, connect } = refusedSubscription({
      code: 'not_found',
      message: 'Webhook not found.',
    });
    const conn = await connect();
    expect(subscription.status()).toMatchObject({
      state: 'unavailable',
      failure: { code: 'not_found' },
    });
    subscription.resubscribe();
    await settle();
    expect(conn.sent).toHaveLength(1);
    const next = await connect();
    expect(next.sent).toHaveLength(1);
    expect(logger.lines).toEqual([
      'info Home Assistant does not offer the push channel: Webhook not found. (not_found); not asked again on this connection',
    ]);
  });

  it('an error inside Home Assistant: failed, a warning, asked again on demand', async () => {
    const { logger, subscription, connect } = refusedSubscription({
      code: 'home_assistant_error',
      message: 'Something broke',
    });
    const conn = await connect();
    expect(subscription.status()).toMatchObject({ state: 'failed' });
    subscription.resubscribe();
    await settle();
    expect(conn.sent).toHaveLength(2);
    expect(logger.lines.filter((line) => line.startsWith('warn'))).toHaveLength(1);
  });
});
