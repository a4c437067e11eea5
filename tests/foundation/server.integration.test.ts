import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isUsingPostgresServer } from '../support/test-database.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

describe('sync server skeleton', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer({ bodyLimit: '1kb' });
  });
  afterAll(async () => server?.dispose());

  it('GET /healthz reports the database kind and that every migration is applied', async () => {
    const response = await fetch(`${server.url}/healthz`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { migrations: { applied: number } };
    expect(body).toMatchObject({
      status: 'ok',
      database: { kind: isUsingPostgresServer() ? 'postgresql' : 'embedded', reachable: true },
      migrations: { pending: [] },
    });
    expect(body.migrations.applied).toBeGreaterThanOrEqual(2);
  });

  it('loads the sample data into an empty database at start, so a newcomer sees campaigns', async () => {
    expect(await server.database.prisma.campaign.count()).toBe(2);
  });

  it('answers an unknown route with the one error shape, in plain words', async () => {
    const response = await fetch(`${server.url}/nothing-here`);
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ detail: 'There is no GET /nothing-here on this server.', code: 'NOT_FOUND', errors: {} });
  });

  // Bodies are read only once the caller has signed in (an unknown caller gets 401 first).
  it('answers a signed-in caller\'s broken JSON with 400 and an oversized body with 413, never a stack trace', async () => {
    const headers = { ...(await server.authAs('lan.nguyen')), 'content-type': 'application/json' };
    const broken = await fetch(`${server.url}/api/v1/campaigns/CC-TET-2026/transition`, { method: 'POST', headers, body: '{"rows": [' });
    expect(broken.status).toBe(400);
    const brokenText = await broken.text();
    expect(JSON.parse(brokenText)).toMatchObject({ code: 'BAD_REQUEST', detail: 'The request body is not valid JSON.' });
    expect(brokenText).not.toMatch(/at .*\.(ts|js):\d+/);

    const large = await fetch(`${server.url}/api/v1/campaigns/CC-TET-2026/transition`, { method: 'POST', headers, body: JSON.stringify({ text: 'x'.repeat(5000) }) });
    expect(large.status).toBe(413);
    expect(await large.json()).toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
  });

  it('on shutdown, lets a request in flight finish before closing the database', async () => {
    // A request whose body is still arriving when close() is called.
    const token = await server.tokenFor('lan.nguyen');
    const socket = connect(Number(new URL(server.url).port), '127.0.0.1');
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
    const body = '{"note":"đang gửi"}';
    socket.write(`POST /api/v1/nothing-here HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer ${token}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n`);
    socket.write(body.slice(0, 5));
    await new Promise((resolve) => setTimeout(resolve, 50));

    let isClosed = false;
    const closing = server.close().then(() => {
      isClosed = true;
    });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(isClosed).toBe(false);

    const responseText = new Promise<string>((resolve) => {
      let text = '';
      socket.on('data', (chunk) => (text += chunk.toString()));
      socket.on('end', () => resolve(text));
    });
    socket.write(body.slice(5));
    expect(await responseText).toMatch(/^HTTP\/1\.1 404/);
    await closing;
    expect(isClosed).toBe(true);
    await expect(fetch(`${server.url}/healthz`)).rejects.toThrow();
  });
});
