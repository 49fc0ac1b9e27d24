import { z } from 'zod';
import type { AppStatus } from '../app-status';
import type { ConnectionStatus } from '../connection-status';
import type { DesktopStatus } from '../desktop-status';
import type { DiscoveryView } from '../discovery';
import type { EntityView } from '../entity-view';
import { instanceKeySchema } from '../settings';
import type { SignInStatus } from '../sign-in';
import type { TokenMetadata } from '../token-metadata';
import { rotationIntervalSchema, type TokenStatus } from '../token-status';
import { TEMPERATURE_UNITS } from '../unit-system';

/**
 * The runtime shape of what main pushes to the pages. Main checks every event against these
 * before it leaves (a malformed one is logged and never sent), so a page gets exactly the
 * declared fields: the objects are strict, and an unexpected field such as a token is refused
 * rather than forwarded. Each schema is typed by the interface it checks, so the two cannot drift.
 */

const time = z.number();
const text = z.string();

export const connectionStatusSchema: z.ZodType<ConnectionStatus> = z.discriminatedUnion('state', [
  z.strictObject({ state: z.literal('not_configured') }),
  z.strictObject({ state: z.literal('connecting') }),
  z.strictObject({ state: z.literal('connected'), since: time, haVersion: text }),
  z.strictObject({
    state: z.literal('reconnecting'),
    attempt: z.number(),
    nextRetryAt: time,
    reason: text,
  }),
  z.strictObject({ state: z.literal('auth_failed'), message: text }),
  z.strictObject({ state: z.literal('banned') }),
  z.strictObject({ state: z.literal('offline') }),
]);

const tokenMetadataSchema: z.ZodType<TokenMetadata> = z.strictObject({
  present: z.boolean(),
  state: z.enum(['empty', 'ready', 'locked', 'undecryptable', 'weak_storage_refused']),
  protection: text,
  weakProtection: z.boolean(),
  savedAt: text.nullable(),
  issuedAt: text.nullable(),
  expiresAt: text.nullable(),
  name: text.nullable(),
  message: text.nullable(),
});

export const appStatusSchema: z.ZodType<AppStatus> = z.strictObject({
  key: instanceKeySchema,
  name: text,
  connection: connectionStatusSchema,
  instance: z.strictObject({ origin: text, locationName: text.nullable() }).nullable(),
  token: tokenMetadataSchema,
  settingsNotice: text.nullable(),
  startNotice: text.nullable(),
  lookalike: text.nullable(),
});

export const desktopStatusSchema: z.ZodType<DesktopStatus> = z.strictObject({
  startAtLogin: z.boolean(),
  shortcut: z.strictObject({
    accelerator: text,
    registered: z.boolean(),
    message: text.nullable(),
  }),
  mac: z.boolean(),
});

const rotationStepSchema = z.enum([
  'creating',
  'storing',
  'verifying',
  'switching',
  'revoking',
  'rolling_back',
]);

export const tokenStatusSchema: z.ZodType<TokenStatus> = z.strictObject({
  facts: z
    .strictObject({
      name: text.nullable(),
      createdAt: time.nullable(),
      issuedAt: time.nullable(),
      expiresAt: time.nullable(),
      haExpireAt: time.nullable(),
      savedAt: time.nullable(),
      ageDays: z.number().nullable(),
    })
    .nullable(),
  rejected: z.boolean(),
  reminder: z.strictObject({
    state: z.enum(['no_token', 'off', 'scheduled', 'due', 'snoozed']),
    dueReason: z.enum(['age', 'expiring', 'expired']).nullable(),
    interval: rotationIntervalSchema,
    ageDays: z.number().nullable(),
    savedDaysAgo: z.number().nullable(),
    dueAt: time.nullable(),
    expiresAt: time.nullable(),
    expiringSoon: z.boolean(),
    expired: z.boolean(),
    snoozedUntil: time.nullable(),
    attention: z.boolean(),
    headline: text.nullable(),
    menuLine: text.nullable(),
  }),
  rotation: z.discriminatedUnion('phase', [
    z.strictObject({ phase: z.literal('idle') }),
    z.strictObject({ phase: z.literal('not_started'), message: text }),
    z.strictObject({ phase: z.literal('running'), step: rotationStepSchema }),
    z.strictObject({ phase: z.literal('rotated'), at: time, tokenName: text }),
    z.strictObject({ phase: z.literal('rolled_back'), message: text }),
    z.strictObject({ phase: z.literal('revoke_failed'), message: text }),
    z.strictObject({
      phase: z.literal('incomplete'),
      message: text,
      leftoverTokenName: text.nullable(),
    }),
  ]),
});

/** An entity as pages see it; its attributes are Home Assistant's own, passed on as they are. */
export const entityViewSchema: z.ZodType<EntityView> = z.strictObject({
  entity_id: text,
  state: text,
  attributes: z.record(z.string(), z.unknown()),
  last_changed: text,
  last_updated: text,
  area: text.optional(),
  floor: text.optional(),
  labels: z.array(text).optional(),
  areaOrder: z.number().optional(),
  floorOrder: z.number().optional(),
  temperatureUnit: z.enum(TEMPERATURE_UNITS).optional(),
});

export const discoveryViewSchema: z.ZodType<DiscoveryView> = z.strictObject({
  state: z.enum(['browsing', 'idle', 'unavailable']),
  instances: z.array(
    z.strictObject({
      uuid: text,
      locationName: text,
      url: text,
      version: text.nullable(),
      supported: z.boolean(),
      savedAs: z.strictObject({ key: instanceKeySchema, name: text }).nullable(),
    }),
  ),
  message: text.nullable(),
});

export const signInStatusSchema: z.ZodType<SignInStatus> = z.strictObject({
  phase: z.enum(['idle', 'waiting', 'finishing', 'signed_in', 'failed']),
  origin: text.nullable(),
  message: text.nullable(),
});
