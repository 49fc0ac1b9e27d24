import { EventEmitter } from 'node:events';

/** One call the main process made into the fake `electron` module. */
export interface ElectronCall {
  api: string;
  args: unknown[];
}

/** Keys that Node, Vitest and bundler interop probe on any object; none is an Electron API. */
const PROBED_KEYS = new Set([
  'then',
  'toJSON',
  'asymmetricMatch',
  '$$typeof',
  'nodeType',
  'tagName',
  '@@__IMMUTABLE_ITERABLE__@@',
  '@@__IMMUTABLE_RECORD__@@',
  '__esModule',
]);

/**
 * The log every fake API writes to, and the list of APIs main asked for that the fake does not
 * have. Reading an unknown member throws at once (so a new Electron call cannot pass unnoticed),
 * and is also listed here in case the code under test swallows the error.
 */
export class CallLog {
  readonly calls: ElectronCall[] = [];
  readonly unknown: string[] = [];

  /** Calls of one API, e.g. `ipcMain.handle`. */
  of(api: string): unknown[][] {
    return this.calls.filter((call) => call.api === api).map((call) => call.args);
  }

  /**
   * Makes `members` an Electron API object: every function records its calls, and any other
   * member name throws. The guard sits on the prototype, so bundler interop that copies the own
   * properties (`__toESM`) keeps it.
   */
  api<T extends object>(name: string, members: T): T {
    for (const [key, value] of Object.entries(members)) {
      if (typeof value === 'function' && !isClass(value))
        Object.defineProperty(members, key, { value: this.recorded(`${name}.${key}`, value) });
    }
    return Object.setPrototypeOf(members, this.guard(name)) as T;
  }

  /** Guards an object like `api` does, without recording (for the module itself). */
  strict<T extends object>(name: string, members: T): T {
    return Object.setPrototypeOf(members, this.guard(name)) as T;
  }

  /** A class whose unknown static members throw like an API object's. */
  apiClass<T extends new (...args: never[]) => object>(name: string, cls: T): T {
    const unknown = (key: string) => this.refuse(`${name}.${key}`);
    return new Proxy(cls, {
      get(target, key, receiver) {
        if (typeof key === 'symbol' || key in target || PROBED_KEYS.has(key))
          return Reflect.get(target, key, receiver) as unknown;
        return unknown(key);
      },
    });
  }

  /** on/once/off/emit for an API object, backed by a real EventEmitter. */
  events(): EventMembers {
    const emitter = new EventEmitter();
    // Each returns the API object, as Electron's do, so calls can be chained.
    const chained = (method: 'on' | 'once' | 'off') =>
      function (this: object, event: string, listener: Listener) {
        emitter[method](event, listener as (...args: unknown[]) => void);
        return this;
      };
    return {
      on: chained('on'),
      once: chained('once'),
      off: chained('off'),
      removeListener: chained('off'),
      removeAllListeners(this: object, event?: string) {
        emitter.removeAllListeners(event);
        return this;
      },
      emit: (event: string, ...args: unknown[]) => emitter.emit(event, ...args),
      listenerCount: (event: string) => emitter.listenerCount(event),
      eventNames: () => emitter.eventNames(),
    };
  }

  private recorded(api: string, fn: (...args: unknown[]) => unknown) {
    const calls = this.calls;
    return function (this: unknown, ...args: unknown[]) {
      calls.push({ api, args });
      return fn.apply(this, args);
    };
  }

  private guard(name: string): object {
    const unknown = (key: string) => this.refuse(`${name}.${key}`);
    return new Proxy(Object.create(null) as object, {
      get(_target, key, receiver) {
        if (typeof key === 'symbol' || key in Object.prototype || PROBED_KEYS.has(key))
          return Reflect.get(Object.prototype, key, receiver) as unknown;
        return unknown(key);
      },
    });
  }

  private refuse(api: string): never {
    this.unknown.push(api);
    throw new Error(`The fake electron module has no ${api}: add it to test/fake-electron.`);
  }
}

type Listener = (...args: never[]) => unknown;

export interface EventMembers {
  on(event: string, listener: Listener): unknown;
  once(event: string, listener: Listener): unknown;
  off(event: string, listener: Listener): unknown;
  removeListener(event: string, listener: Listener): unknown;
  removeAllListeners(event?: string): unknown;
  emit(event: string, ...args: unknown[]): boolean;
  listenerCount(event: string): number;
  eventNames(): Array<string | symbol>;
}

function isClass(value: unknown): boolean {
  return typeof value === 'function' && /^class\b/.test(Function.prototype.toString.call(value));
}
