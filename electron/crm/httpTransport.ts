import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import type { Readable } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';

/** What the CRM client sends: one JSON call, bounded in time by `signal`. */
export interface CrmRequest {
  method: string;
  headers?: Record<string, string>;
  body?: string;
  signal: AbortSignal;
}

/** What the CRM client reads of an answer (a `fetch` Response is one). */
export interface CrmAnswer {
  status: number;
  ok: boolean;
  text: () => Promise<string>;
}

export type CrmTransport = (url: string, request: CrmRequest) => Promise<CrmAnswer>;

/** Idle connections wait 4 s for the next call, less when the server's keep-alive hint says it closes sooner. */
const agents = { http: new HttpAgent({ keepAlive: true, timeout: 4_000 }), https: new HttpsAgent({ keepAlive: true, timeout: 4_000 }) };

function decoded(response: IncomingMessage): Readable {
  switch (response.headers['content-encoding']) {
    case 'gzip':
      return response.pipe(createGunzip());
    case 'deflate':
      return response.pipe(createInflate());
    case 'br':
      return response.pipe(createBrotliDecompress());
    default:
      return response;
  }
}

/**
 * The CRM client's calls over node's http(s), on kept-alive connections. Node's `fetch` spends about
 * three times the CPU per call (web streams, abort plumbing), and a push makes one call per change.
 * A call aborted by its signal fails with the signal's reason (a TimeoutError for a timeout).
 */
export const httpTransport: CrmTransport = (url, { method, headers = {}, body, signal }) => {
  const target = new URL(url);
  const secure = target.protocol === 'https:';
  const send = secure ? httpsRequest : httpRequest;
  return new Promise<CrmAnswer>((resolve, reject) => {
    const fail = (error: unknown) => reject(signal.aborted ? signal.reason : error);
    const request = send(target, { method, headers: { ...headers, 'accept-encoding': 'gzip, deflate, br' }, agent: secure ? agents.https : agents.http, signal }, (response) => {
      const chunks: Buffer[] = [];
      const stream = decoded(response);
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('error', fail);
      response.on('error', fail);
      response.on('aborted', () => fail(new Error('the connection closed mid-answer')));
      stream.on('end', () => {
        const status = response.statusCode ?? 0;
        const text = Buffer.concat(chunks).toString('utf8');
        resolve({ status, ok: status >= 200 && status < 300, text: () => Promise.resolve(text) });
      });
    });
    request.on('error', fail);
    request.end(body);
  });
};
