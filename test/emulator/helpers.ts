/** Shared helpers of the emulator tests: one raw HTTP request at a time, and import bodies. */

import http from 'node:http';

export const token = 'tok-emulator-4d2a';

export interface Sent {
  readonly method?: string;
  readonly headers?: Record<string, string>;
  readonly body?: string | Buffer;
  /** Send the body with chunked transfer encoding instead of Content-Length. */
  readonly chunked?: boolean;
}

export interface Answer {
  readonly status: number;
  readonly headers: http.IncomingHttpHeaders;
  readonly json: unknown;
}

/** One raw request; rejects when the connection breaks. */
export function send(url: string, path: string, sent: Sent = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const body = sent.body === undefined ? undefined : Buffer.from(sent.body);
    const headers: Record<string, string> = { ...sent.headers };
    if (body !== undefined && sent.chunked !== true) headers['Content-Length'] = String(body.length);
    const request = http.request(new URL(path, url), {
      method: sent.method ?? 'POST',
      headers,
      agent: false,
    });
    request.on('error', reject);
    request.on('response', (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        resolve({
          status: response.statusCode ?? 0,
          headers: response.headers,
          json: text === '' ? undefined : JSON.parse(text),
        });
      });
    });
    if (body !== undefined) request.write(body);
    request.end();
  });
}

export const json = { 'Content-Type': 'application/json' };
export const authorized = { ...json, Authorization: `Token ${token}` };

export function postImport(url: string, value: unknown): Promise<Answer> {
  return send(url, '/api/v1/chat_import/', { headers: authorized, body: JSON.stringify(value) });
}

/** `GET /api/v1/chats/` with the test token. */
export function listChats(url: string, query = ''): Promise<Answer> {
  return send(url, `/api/v1/chats/${query}`, { method: 'GET', headers: authorized });
}
