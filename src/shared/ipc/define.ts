import type { z } from 'zod';
import type { IpcResult } from './result';

/**
 * Building blocks of the IPC contract. A request declares a runtime schema for its arguments
 * (checked in main, never trusted) and, at type level only, its response. An event declares its
 * payload type (main -> renderer).
 */
export interface RequestSpec<Args extends z.ZodTuple, Response> {
  readonly args: Args;
  /** Type-level only: never read at runtime. */
  readonly response?: Response;
}

export interface EventSpec<Payload> {
  readonly kind: 'event';
  /** Type-level only: never read at runtime. */
  readonly payload?: Payload;
}

export function request<Response>() {
  return <Args extends z.ZodTuple>(args: Args): RequestSpec<Args, Response> => ({ args });
}

export function event<Payload>(): EventSpec<Payload> {
  return { kind: 'event' };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- constraint over any tuple schema
type AnyRequest = RequestSpec<z.ZodTuple<any, any>, unknown>;

export interface ContractShape {
  requests: Record<string, AnyRequest>;
  events: Record<string, EventSpec<unknown>>;
}

export type RequestArgs<S> = S extends RequestSpec<infer A, unknown> ? z.input<A> : never;
export type ParsedArgs<S> = S extends RequestSpec<infer A, unknown> ? z.output<A> : never;
export type ResponseOf<S> = S extends RequestSpec<z.ZodTuple, infer R> ? R : never;
export type PayloadOf<S> = S extends EventSpec<infer P> ? P : never;

export type EventListenerName<K extends string> = `on${Capitalize<K>}`;

/** The API the preload exposes to page code: one named function per request and per event. */
export type BridgeApi<C extends ContractShape> = {
  [K in keyof C['requests']]: (
    ...args: RequestArgs<C['requests'][K]>
  ) => Promise<IpcResult<ResponseOf<C['requests'][K]>>>;
} & {
  [K in keyof C['events'] & string as EventListenerName<K>]: (
    listener: (payload: PayloadOf<C['events'][K]>) => void,
  ) => () => void;
};

/** What main implements: one function per request, receiving parsed (validated) arguments. */
export type Handlers<C extends ContractShape> = {
  [K in keyof C['requests']]: (
    ...args: ParsedArgs<C['requests'][K]>
  ) => Promise<ResponseOf<C['requests'][K]>> | ResponseOf<C['requests'][K]>;
};

export function requestChannel(name: string): string {
  return `ha-tray:request:${name}`;
}

export function eventChannel(name: string): string {
  return `ha-tray:event:${name}`;
}

export function eventListenerName<K extends string>(name: K): EventListenerName<K> {
  return `on${name.charAt(0).toUpperCase()}${name.slice(1)}` as EventListenerName<K>;
}
