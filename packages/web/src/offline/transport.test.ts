import { gunzipSync } from 'node:zlib';
import type { PushRequest } from '@acompana/core';
import { describe, expect, it } from 'vitest';
import { GZIP_PUSH_FROM_BYTES, httpTransport } from './transport.ts';

// The push on the wire from the device: from GZIP_PUSH_FROM_BYTES on, the body travels gzipped
// (CompressionStream) with Content-Encoding: gzip; smaller bodies go as they are.

const DEVICE = '0190a000-0000-7000-8000-00000000000d';

function request(textLength: number): PushRequest {
  return {
    deviceId: DEVICE,
    mutations: [
      {
        mutationId: '0190a000-0000-7000-8000-000000000001',
        deviceId: DEVICE,
        seq: 1,
        kind: 'commitment',
        entityId: '0190a000-0000-7000-8000-000000000002',
        op: 'upsert',
        baseVersion: 0,
        changed: ['text'],
        payload: { text: 'x'.repeat(textLength) },
        base: null,
        createdAt: '2026-05-04T13:00:00.000Z',
      },
    ],
  };
}

function capture() {
  const sent: { headers: Record<string, string>; body: Buffer }[] = [];
  const fetch = (async (_url: string, init: RequestInit) => {
    const body = init.body;
    sent.push({
      headers: init.headers as Record<string, string>,
      body: Buffer.from(typeof body === 'string' ? body : new Uint8Array(body as ArrayBuffer)),
    });
    return new Response(JSON.stringify({ results: [] }), {
      headers: { 'content-type': 'application/json' },
    });
  }) as unknown as typeof globalThis.fetch;
  return { sent, transport: httpTransport({ fetch }) };
}

describe('httpTransport push body', () => {
  it('gzips a large push and says so', async () => {
    const { sent, transport } = capture();
    const big = request(GZIP_PUSH_FROM_BYTES * 4);
    await transport.push(big);
    expect(sent[0]?.headers['Content-Encoding']).toBe('gzip');
    expect(sent[0]?.body.length).toBeLessThan(JSON.stringify(big).length / 4);
    expect(JSON.parse(gunzipSync(sent[0]?.body as Buffer).toString('utf8'))).toEqual(big);
  });

  it('sends a small push as it is', async () => {
    const { sent, transport } = capture();
    const small = request(10);
    await transport.push(small);
    expect(sent[0]?.headers['Content-Encoding']).toBeUndefined();
    expect(JSON.parse(sent[0]?.body.toString('utf8') as string)).toEqual(small);
  });
});
