import { Browser } from 'bonjour-service';
import type BonjourService from 'bonjour-service';
import { Server } from 'bonjour-service/dist/lib/mdns-server';
import type {
  AnnouncedService,
  BrowseListener,
  BrowseSession,
  ServiceBrowser,
} from '../discovery/service-browser';

/** The part of multicast-dns (bonjour-service's socket) this adapter uses. */
interface MulticastDns {
  query(name: string, type: string, callback: (error: Error | null) => void): void;
  on(event: string, listener: (...args: never[]) => void): void;
  removeListener(event: string, listener: (...args: never[]) => void): void;
  removeAllListeners(event: string): void;
  destroy(): void;
}

/** multicast-dns options; tests hand in a socket of their own, the app none. */
export interface MulticastOptions {
  socket?: unknown;
}

/**
 * DNS-SD TXT strings ("key=value") as a map (RFC 6763 section 6): keys are case-insensitive, the
 * first of a repeated key counts, and a key without "=" or with an empty value reads as ''.
 * bonjour-service's own decoding loses empty values (`internal_url=` becomes the key
 * `internal_url=`), hence the raw strings.
 */
export function decodeTxt(raw: unknown): Record<string, string> {
  const strings = Array.isArray(raw) ? raw : Buffer.isBuffer(raw) ? [raw] : [];
  const txt: Record<string, string> = {};
  for (const item of strings) {
    const text = Buffer.isBuffer(item) ? item.toString('utf8') : String(item);
    const equals = text.indexOf('=');
    const key = (equals < 0 ? text : text.slice(0, equals)).toLowerCase();
    if (key === '' || key in txt) continue;
    txt[key] = equals < 0 ? '' : text.slice(equals + 1);
  }
  return txt;
}

function announced(service: BonjourService.Service): AnnouncedService {
  return {
    name: service.fqdn,
    host: service.host,
    port: service.port,
    addresses: [...(service.addresses ?? [])],
    // The browser sets `rawTxt` (the TXT strings as received) though its type does not say so.
    txt: decodeTxt((service as { rawTxt?: unknown }).rawTxt),
  };
}

/**
 * The service browser on bonjour-service: a multicast-dns socket and bonjour-service's `Browser`,
 * without its `Bonjour` class, whose registry publishes. Reading the library (1.4.4): a socket
 * sends only what is asked of it (the browser's PTR queries; multicast-dns's timer only joins the
 * multicast group on new interfaces), and the one code that answers others is the `Server`'s
 * query handler, which answers from an empty registry; it is removed all the same, so this socket
 * never answers a query. Each browse has a socket of its own, closed by `stop`.
 */
export function createBonjourServiceBrowser(options: MulticastOptions = {}): ServiceBrowser {
  return {
    browse(listener: BrowseListener): BrowseSession {
      let stopped = false;
      const server = new Server(options as never, (error: Error) => fail(error));
      const mdns = server.mdns as MulticastDns;
      mdns.removeAllListeners('query');
      // multicast-dns reports a taken port or a refused bind as 'error' (an unhandled 'error'
      // event would throw); a query that cannot be sent reaches only the query's callback.
      mdns.on('error', (error: Error) => fail(error));
      mdns.on('warning', () => undefined);
      const reportingSend = (error: Error | null) => {
        if (error) fail(error);
      };
      const queries = {
        query: (name: string, type: string) => mdns.query(name, type, reportingSend),
        on: mdns.on.bind(mdns),
        removeListener: mdns.removeListener.bind(mdns),
      };
      const browser = new Browser(queries, { type: 'home-assistant', protocol: 'tcp' });
      const report = (service: BonjourService.Service) => {
        if (!stopped) listener.found(announced(service));
      };
      browser.on('up', report);
      browser.on('srv-update', report);
      browser.on('txt-update', report);
      browser.on('down', (service) => {
        if (!stopped) listener.gone(service.fqdn);
      });

      function stop() {
        if (stopped) return;
        stopped = true;
        browser.stop();
        mdns.destroy();
      }
      function fail(error: Error) {
        if (stopped) return;
        stop();
        listener.failed(error);
      }
      return {
        query: () => {
          if (!stopped) browser.update();
        },
        stop,
      };
    },
  };
}
