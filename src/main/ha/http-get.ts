import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import type { TlsOptions } from '../tls/tls-policy';

export interface HttpResponse {
  status: number;
  contentType: string;
  body: string;
}

export interface HttpGetOptions {
  headers?: Record<string, string>;
  timeoutMs: number;
  /** The CAs (or the pinned certificate) an https:// address is checked against. */
  tls?: TlsOptions;
  /** Name resolution; the system resolver unless a test injects one. */
  lookup?: LookupFunction;
}

const MAX_BODY = 256 * 1024;

export class HttpTimeoutError extends Error {
  readonly code = 'ETIMEDOUT';
}

/**
 * A GET with Node's own client: its errors carry the codes (ENOTFOUND, CERT_HAS_EXPIRED, ...)
 * that the probe turns into advice, and `ca` can be set per request.
 */
export function httpGet(url: string, options: HttpGetOptions): Promise<HttpResponse> {
  return send('GET', url, options);
}

/** A form POST (`application/x-www-form-urlencoded`), as Home Assistant's `/auth/token` takes. */
export function httpPostForm(
  url: string,
  form: Record<string, string>,
  options: HttpGetOptions,
): Promise<HttpResponse> {
  const body = new URLSearchParams(form).toString();
  return send('POST', url, {
    ...options,
    headers: {
      ...options.headers,
      'content-type': 'application/x-www-form-urlencoded',
      'content-length': String(Buffer.byteLength(body)),
    },
    body,
  });
}

function send(
  method: 'GET' | 'POST',
  url: string,
  options: HttpGetOptions & { body?: string },
): Promise<HttpResponse> {
  const target = new URL(url);
  const request = target.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = request(
      target,
      {
        method,
        // A fresh connection each time: a kept-alive socket from before a Home Assistant restart
        // would fail the request (these calls are few: a probe, a sign-in).
        agent: false,
        headers: options.headers,
        ...(target.protocol === 'https:' ? options.tls : {}),
        ...(options.lookup ? { lookup: options.lookup } : {}),
      },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size <= MAX_BODY) chunks.push(chunk);
        });
        res.on('end', () => {
          clearTimeout(timer);
          resolve({
            status: res.statusCode ?? 0,
            contentType: String(res.headers['content-type'] ?? ''),
            body: Buffer.concat(chunks).toString('utf8'),
          });
        });
        res.on('error', reject);
      },
    );
    const timer = setTimeout(
      () => req.destroy(new HttpTimeoutError('timed out')),
      options.timeoutMs,
    );
    req.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    req.end(options.body);
  });
}
