import { z } from 'zod';
import type { IpcResult } from './result';

/**
 * Building blocks of the IPC contract. A request declares a runtime schema for its arguments
 * (checked in main, never trusted) and, at type level only, its response. An event declares the
 * runtime schema of its payload (main -> renderer), checked in main before it is sent. A value is
 * something main owns and pages show live: a getter and a changed event, declared once with one
 * schema for both.
 */
export interface RequestSpec<Args extends z.ZodTuple, Response> {
  readonly args: Args;
  /** Type-level only: never read at runtime. */
  readonly response?: Response;
}

export interface EventSpec<Payload extends z.ZodType> {
  readonly kind: 'event';
  readonly payload: Payload;
}

export interface ValueSpec<Payload extends z.ZodType> {
  readonly kind: 'value';
  readonly payload: Payload;
  /**
   * One per Home Assistant instance: the getter takes the instance's key, and pages follow the
   * stream of one instance (`onX(listener, key)`).
   */
  readonly perInstance: boolean;
}

export function request<Response>() {
  return <Args extends z.ZodTuple>(args: Args): RequestSpec<Args, Response> => ({ args });
}

export function event<Payload extends z.ZodType>(payload: Payload): EventSpec<Payload> {
  return { kind: 'event', payload };
}

export function value<Payload extends z.ZodType>(payload: Payload): ValueSpec<Payload> {
  return { kind: 'value', payload, perInstance: false };
}

/** A value each instance has its own of (its status, its token): read and followed by key. */
export function instanceValue<Payload extends z.ZodType>(payload: Payload): ValueSpec<Payload> {
  return { kind: 'value', payload, perInstance: true };
}

/**
 * How a page names an instance: HA Tray's key for it (src/shared/settings.ts). Checked here like
 * any argument, and then against the instances main has: an unknown key reaches nothing.
 */
export const instanceArgSchema = z
  .string()
  .regex(/^[a-z0-9-]{1,40}$/)
  .max(40);

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- constraint over any tuple schema
type AnyRequest = RequestSpec<z.ZodTuple<any, any>, unknown>;

export interface ContractShape {
  requests: Record<string, AnyRequest>;
  events: Record<string, EventSpec<z.ZodType>>;
  values: Record<string, ValueSpec<z.ZodType>>;
}

export type RequestArgs<S> = S extends RequestSpec<infer A, unknown> ? z.input<A> : never;
export type ParsedArgs<S> = S extends RequestSpec<infer A, unknown> ? z.output<A> : never;
export type ResponseOf<S> = S extends RequestSpec<z.ZodTuple, infer R> ? R : never;
export type PayloadOf<S> = S extends { payload: infer P extends z.ZodType } ? z.output<P> : never;

export type EventListenerName<K extends string> = `on${Capitalize<K>}`;
export type ValueGetterName<K extends string> = `get${Capitalize<K>}`;

/** Every stream a page can subscribe to: each event and each value's changed event. */
export type StreamName<C extends ContractShape> = (keyof C['events'] | keyof C['values']) & string;
export type StreamSpec<
  C extends ContractShape,
  K extends StreamName<C>,
> = K extends keyof C['values']
  ? C['values'][K]
  : K extends keyof C['events']
    ? C['events'][K]
    : never;

/** Sends a stream's payload to the pages that follow it (main's side of the streams). */
export type Publish<C extends ContractShape> = <K extends StreamName<C>>(
  stream: K,
  payload: PayloadOf<StreamSpec<C, K>>,
  instance?: string,
) => void;

/**
 * What a page subscribes to: an app-wide stream (no `instance`), or one instance's stream of a
 * per-instance value or event, named by the instance's key.
 */
export interface StreamKey<Name extends string = string> {
  stream: Name;
  instance?: string;
}

/** The one channel a page subscribes (true) and unsubscribes (false) on. */
export const SUBSCRIBE_CHANNEL = 'ha-tray:subscribe';

/**
 * Names one loaded document of a page, new on every load: a window reloaded (or crashed and
 * loaded again) starts with none of the old document's subscriptions. Not a secret: a page can
 * only start its own subscriptions over with it.
 */
export const pageDocumentSchema = z.string().regex(/^[a-z0-9]{8,40}$/);

/** A fresh document name, made by the bridge as its page loads. */
export function newPageDocument(): string {
  return `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 14)}`.padEnd(8, '0');
}

/** The subscribe request's arguments, checked in main like any request's. */
export function subscribeArgsSchema(contract: ContractShape) {
  const names = streamNames(contract);
  return z.tuple([
    z.strictObject({
      stream: z.enum(names as [string, ...string[]]),
      instance: instanceArgSchema.optional(),
    }),
    z.boolean(),
    pageDocumentSchema,
  ]);
}

export function streamNames(contract: ContractShape): string[] {
  return [...Object.keys(contract.events), ...Object.keys(contract.values)];
}

/** The payload schema of a stream. */
export function streamSchema(contract: ContractShape, stream: string): z.ZodType | undefined {
  return (contract.values[stream] ?? contract.events[stream])?.payload;
}

/** The API the preload exposes to page code: one named function per request, event and value. */
export type BridgeApi<C extends ContractShape> = {
  [K in keyof C['requests']]: (
    ...args: RequestArgs<C['requests'][K]>
  ) => Promise<IpcResult<ResponseOf<C['requests'][K]>>>;
} & {
  [K in keyof C['values'] & string as ValueGetterName<K>]: (
    instance?: string,
  ) => Promise<IpcResult<PayloadOf<C['values'][K]>>>;
} & {
  [K in StreamName<C> as EventListenerName<K>]: (
    listener: (payload: PayloadOf<StreamSpec<C, K>>) => void,
    instance?: string,
  ) => () => void;
};

/**
 * What main implements: one function per request, receiving parsed (validated) arguments, and
 * one getter per value.
 */
export type Handlers<C extends ContractShape> = {
  [K in keyof C['requests']]: (
    ...args: ParsedArgs<C['requests'][K]>
  ) => Promise<ResponseOf<C['requests'][K]>> | ResponseOf<C['requests'][K]>;
} & {
  [K in keyof C['values'] & string as ValueGetterName<K>]: (
    instance: string,
  ) => Promise<PayloadOf<C['values'][K]>> | PayloadOf<C['values'][K]>;
};

export function requestChannel(name: string): string {
  return `ha-tray:request:${name}`;
}

/** The channel main sends a stream's payloads on; another instance's stream has its own. */
export function streamChannel({ stream, instance }: StreamKey): string {
  return instance === undefined ? `ha-tray:event:${stream}` : `ha-tray:event:${stream}@${instance}`;
}

export function eventChannel(name: string): string {
  return streamChannel({ stream: name });
}

export function eventListenerName<K extends string>(name: K): EventListenerName<K> {
  return `on${name.charAt(0).toUpperCase()}${name.slice(1)}` as EventListenerName<K>;
}

export function valueGetterName<K extends string>(name: K): ValueGetterName<K> {
  return `get${name.charAt(0).toUpperCase()}${name.slice(1)}` as ValueGetterName<K>;
}
