import { request } from 'node:http';

/** An HTTP answer, read whole. */
export interface FreshAnswer {
  status: number;
  headers: Headers;
  text: string;
}

/**
 * One HTTP request on a connection of its own, closed after the answer. `fetch` keeps connections
 * alive and reuses them: after Home Assistant (or the simulator) restarts, a request on a kept
 * connection fails with "other side closed" where a browser would quietly retry. Tests that play
 * the browser across restarts use this instead.
 */
export function freshRequest(
  url: string,
  init: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<FreshAnswer> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      { method: init.method ?? 'GET', headers: init.headers, agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', reject);
        res.on('end', () => {
          const headers = new Headers();
          for (const [name, value] of Object.entries(res.headers))
            for (const one of [value ?? []].flat()) headers.append(name, one);
          resolve({
            status: res.statusCode!,
            headers,
            text: Buffer.concat(chunks).toString('utf8'),
          });
        });
      },
    );
    req.on('error', reject);
    req.end(init.body);
  });
}
