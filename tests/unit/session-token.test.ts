import { encode as authEncode } from 'next-auth/jwt';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { readSessionToken, SESSION_COOKIE, sessionCookieValue } from '@/lib/auth/session-token';

const secret = 'unit-test-secret-of-the-session-token-0123456789';
const jar = (cookies: Record<string, string>) => ({
  getAll: () => Object.entries(cookies).map(([name, value]) => ({ name, value })),
});
const issue = (token: Record<string, unknown>, maxAge = 3600, key = secret) =>
  authEncode({ token, secret: key, salt: SESSION_COOKIE, maxAge });

describe('the session cookie read without Auth.js’ pipeline (lib/auth/session-token.ts)', () => {
  beforeEach(() => vi.stubEnv('AUTH_SECRET', secret));
  afterEach(() => vi.unstubAllEnvs());

  it('answers what Auth.js’ session callback gave for a cookie Auth.js issued at sign-in', async () => {
    const cookie = await issue({ uid: '42', role: 'parent', familyId: 7, sessionVersion: 3, sid: 'the-sid' });
    expect(await readSessionToken(jar({ [SESSION_COOKIE]: cookie, other: 'x' }))).toEqual({
      user: { id: '42', sessionVersion: 3, sid: 'the-sid' },
    });
  });

  it('joins a cookie Auth.js split in chunks, in their order', async () => {
    const cookie = await issue({ uid: '5', sessionVersion: 0, sid: 'chunked' });
    const cut = Math.floor(cookie.length / 2);
    const chunks = { [`${SESSION_COOKIE}.1`]: cookie.slice(cut), [`${SESSION_COOKIE}.0`]: cookie.slice(0, cut) };
    expect(sessionCookieValue(jar(chunks))).toBe(cookie);
    expect((await readSessionToken(jar(chunks)))?.user.sid).toBe('chunked');
  });

  it('opens nothing without a cookie, for an altered, foreign or expired one, or without a secret', async () => {
    expect(await readSessionToken(jar({}))).toBeNull();
    const cookie = await issue({ uid: '9', sessionVersion: 0, sid: 'ghi' });
    const parts = cookie.split('.');
    parts[3] = parts[3]!.slice(0, -2) + (parts[3]!.endsWith('AA') ? 'BB' : 'AA');
    expect(await readSessionToken(jar({ [SESSION_COOKIE]: parts.join('.') }))).toBeNull();
    const foreign = await issue({ uid: '9', sid: 'ghi' }, 3600, `${secret}-other`);
    expect(await readSessionToken(jar({ [SESSION_COOKIE]: foreign }))).toBeNull();
    const expired = await issue({ uid: '10', sid: 'old' }, -60);
    expect(await readSessionToken(jar({ [SESSION_COOKIE]: expired }))).toBeNull();
    // under another cookie's name (the salt differs): refused too
    expect(await readSessionToken(jar({ 'authjs.csrf-token': cookie }))).toBeNull();
    vi.stubEnv('AUTH_SECRET', '');
    vi.stubEnv('NEXTAUTH_SECRET', '');
    expect(await readSessionToken(jar({ [SESSION_COOKIE]: cookie }))).toBeNull();
  });
});
