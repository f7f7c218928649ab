import { decode as authDecode, encode as authEncode } from 'next-auth/jwt';
import { describe, expect, it } from 'vitest';
import { decode, encode } from '@/auth.jwt';

const secret = 'unit-test-secret-0123456789abcdef0123456789abcdef';
const salt = 'authjs.session-token';

describe('the session cookie memory (auth.jwt.ts)', () => {
  it('decodes what Auth.js issued, then gives the same cookie back when the same token is encoded again', async () => {
    const cookie = await authEncode({ token: { uid: '7', role: 'parent', sid: 'abc' }, secret, salt, maxAge: 3600 });
    const first = await decode({ token: cookie, secret, salt });
    expect(first).toMatchObject({ uid: '7', role: 'parent', sid: 'abc' });
    const again = await decode({ token: cookie, secret, salt });
    expect(again).toEqual(first);
    expect(again).not.toBe(first); // a copy: a caller changing it does not change the memory
    // Auth.js re-encodes the decoded token on every auth(): the cookie the browser holds comes back unchanged
    expect(await encode({ token: first!, secret, salt, maxAge: 3600 })).toBe(cookie);
    // a token never seen (sign-in: no jti yet) is encrypted by Auth.js, and decodes to its claims
    const fresh = await encode({ token: { uid: '8', role: 'parent', sid: 'def' }, secret, salt, maxAge: 3600 });
    expect(fresh).not.toBe(cookie);
    expect(await authDecode({ token: fresh, secret, salt })).toMatchObject({ uid: '8' });
  });

  it('never trusts an altered cookie, one under another secret, or an expired one', async () => {
    const cookie = await authEncode({ token: { uid: '9', role: 'admin', sid: 'ghi' }, secret, salt, maxAge: 3600 });
    expect(await decode({ token: cookie, secret, salt })).toMatchObject({ uid: '9' });
    const parts = cookie.split('.');
    parts[3] = parts[3]!.slice(0, -2) + (parts[3]!.endsWith('AA') ? 'BB' : 'AA');
    await expect(decode({ token: parts.join('.'), secret, salt })).rejects.toThrow();
    const foreign = await authEncode({ token: { uid: '9', role: 'admin' }, secret: `${secret}-other`, salt });
    await expect(decode({ token: foreign, secret, salt })).rejects.toThrow();
    const expired = await authEncode({ token: { uid: '10' }, secret, salt, maxAge: -60 });
    await expect(decode({ token: expired, secret, salt })).rejects.toThrow();
    expect(await decode({ token: '', secret, salt })).toBeNull();
  });
});
