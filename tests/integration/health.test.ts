// The load balancer's health check (/api/health, lib/health.ts) against a real database: 200 while the database
// answers, 503 once it is closed or too slow, never cached.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Queryable } from '@/db/client';
import { healthResponse } from '@/lib/health';
import { createTestDatabase, type TestDatabase } from '../support/db';

let database: TestDatabase;
let closed = false;

beforeAll(async () => {
  database = await createTestDatabase();
});

afterAll(async () => {
  if (!closed) await database?.close();
});

describe('/api/health', () => {
  it('answers 200 ok while the database answers, with no caching', async () => {
    const response = await healthResponse(async () => database.db);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await response.json()).toEqual({ status: 'ok', database: 'ok' });
  });

  it('answers 503 when the database cannot be opened', async () => {
    const response = await healthResponse(() => Promise.reject(new Error('connect ECONNREFUSED 127.0.0.1:5432')));
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ status: 'error', database: 'unreachable' });
  });

  it('answers 503 within its time limit when the database hangs', async () => {
    const startedAt = Date.now();
    const response = await healthResponse(() => new Promise<Queryable>(() => {}), 200);
    expect(Date.now() - startedAt).toBeLessThan(1_000);
    expect(response.status).toBe(503);
    expect(response.headers.get('cache-control')).toBe('no-store');
  });

  it('answers 503 once the database is closed', async () => {
    const db = database.db;
    await database.close();
    closed = true;
    const response = await healthResponse(async () => db);
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ status: 'error', database: 'unreachable' });
  });
});
