// Pure pieces of the foundation: the clock, the configuration, the sign-in form's validation.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { credentialsSchema } from '@/lib/auth/authenticate';
import { clientAddress, PEER_HEADER, proxyHopsWarning, trustedProxyHops } from '@/lib/auth/client-address';
import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';
import { now, parisDate, parisDateTime, today, warnIfFixed } from '@/lib/clock';
import { parseEnv } from '@/lib/env';
import { poolSize } from '@/db/client';

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('the clock', () => {
  it('gives the Paris date, not the UTC one', () => {
    expect(parisDate(new Date('2027-01-02T23:30:00Z'))).toBe('2027-01-03');
    expect(parisDate(new Date('2027-07-01T22:30:00Z'))).toBe('2027-07-02');
    expect(parisDate(new Date('2027-07-01T21:30:00Z'))).toBe('2027-07-01');
  });

  it('gives the Paris time of day: midnight is 0 h, and the summer-time changes are followed', () => {
    expect(parisDateTime(new Date('2027-05-04T06:00:00Z'))).toEqual({ date: '2027-05-04', hour: 8, minute: 0 });
    expect(parisDateTime(new Date('2026-12-31T23:05:00Z'))).toEqual({ date: '2027-01-01', hour: 0, minute: 5 });
    expect(parisDateTime(new Date('2027-03-28T01:30:00Z'))).toEqual({ date: '2027-03-28', hour: 3, minute: 30 });
    expect(parisDateTime(new Date('2027-10-31T00:30:00Z'))).toEqual({ date: '2027-10-31', hour: 2, minute: 30 });
    expect(parisDateTime(new Date('2027-10-31T01:30:00Z'))).toEqual({ date: '2027-10-31', hour: 2, minute: 30 });
    // the same as dayjs' time zones, every 97 minutes over two years
    dayjs.extend(utc);
    dayjs.extend(timezone);
    for (let t = Date.UTC(2026, 0, 1); t < Date.UTC(2028, 0, 1); t += 97 * 60_000) {
      const paris = dayjs(t).tz('Europe/Paris');
      const expected = { date: paris.format('YYYY-MM-DD'), hour: paris.hour(), minute: paris.minute() };
      expect(parisDateTime(new Date(t))).toEqual(expected);
    }
  });

  it('is fixed by APP_NOW and says so at start', () => {
    vi.stubEnv('APP_NOW', '2027-01-02T23:30:00Z');
    expect(now().toISOString()).toBe('2027-01-02T23:30:00.000Z');
    expect(today()).toBe('2027-01-03');
    const log = vi.fn();
    warnIfFixed(log);
    expect(log).toHaveBeenCalledWith(expect.stringContaining('APP_NOW'));
  });

  it('runs on real time without APP_NOW, and stays quiet', () => {
    vi.stubEnv('APP_NOW', '');
    expect(Math.abs(now().getTime() - Date.now())).toBeLessThan(1000);
    const log = vi.fn();
    warnIfFixed(log);
    expect(log).not.toHaveBeenCalled();
  });

  it('refuses an APP_NOW that is not a date', () => {
    vi.stubEnv('APP_NOW', 'demain');
    expect(() => now()).toThrow(/APP_NOW/);
  });
});

describe('the configuration', () => {
  it('names AUTH_SECRET when production runs on PostgreSQL without it', () => {
    expect(() =>
      parseEnv({ NODE_ENV: 'production', DATABASE_URL: 'postgres://localhost/x' } as NodeJS.ProcessEnv),
    ).toThrow(/AUTH_SECRET/);
  });

  it('names a malformed DATABASE_URL', () => {
    expect(() => parseEnv({ DATABASE_URL: 'not a url' } as unknown as NodeJS.ProcessEnv)).toThrow(/DATABASE_URL/);
  });

  it('opens 10 PostgreSQL connections per process unless DATABASE_POOL_SIZE says otherwise, and names a bad one', () => {
    expect(poolSize({} as NodeJS.ProcessEnv)).toBe(10);
    expect(poolSize({ DATABASE_POOL_SIZE: '8' } as unknown as NodeJS.ProcessEnv)).toBe(8);
    expect(() => parseEnv({ DATABASE_POOL_SIZE: '0' } as unknown as NodeJS.ProcessEnv)).toThrow(/DATABASE_POOL_SIZE/);
  });

  it('accepts the local demo with no variable at all', () => {
    expect(parseEnv({} as NodeJS.ProcessEnv).NODE_ENV).toBe('development');
  });
});

describe('the sign-in form', () => {
  const errors = (input: unknown) => {
    const r = credentialsSchema.safeParse(input);
    return r.success ? null : r.error.issues.map((i) => `${String(i.path[0])}: ${i.message}`);
  };

  it('asks for the identifier and the password when the form is empty', () => {
    expect(errors({ email: '', password: '' })).toEqual([
      'email: Saisissez votre identifiant.',
      'password: Saisissez votre mot de passe.',
    ]);
    expect(errors({})).toEqual(['email: Saisissez votre identifiant.', 'password: Saisissez votre mot de passe.']);
  });

  it('refuses a 10 KB identifier with a French message', () => {
    expect(errors({ email: `${'a'.repeat(10_240)}@example.fr`, password: 'x' })).toEqual([
      "email: L'identifiant est trop long : saisissez votre adresse e-mail.",
    ]);
  });

  it('asks for an e-mail address as identifier', () => {
    expect(errors({ email: 'martin', password: 'x' })?.[0]).toMatch(
      /^email: Saisissez votre identifiant sous la forme/,
    );
  });

  it('trims the identifier', () => {
    expect(credentialsSchema.parse({ email: ' a@b.fr ', password: 'x' }).email).toBe('a@b.fr');
  });
});

describe("the caller's address", () => {
  const peer = (address: string, forwarded?: string) =>
    new Headers({ [PEER_HEADER]: address, ...(forwarded ? { 'x-forwarded-for': forwarded } : {}) });

  it("is the connection's peer by default, whatever X-Forwarded-For the client sends", () => {
    expect(clientAddress(peer('198.51.100.7', '203.0.113.9, 10.0.0.1'), 0)).toBe('198.51.100.7');
    expect(clientAddress(peer('::ffff:198.51.100.7'), 0)).toBe('198.51.100.7');
    expect(clientAddress(peer('x'.repeat(500)), 0)).toHaveLength(64);
  });

  it('is read from X-Forwarded-For only behind the number of trusted proxies named', () => {
    // one load balancer: it appended the address it saw; what stands left of it is the client's own words
    expect(clientAddress(peer('10.0.0.2', 'forged, 203.0.113.9'), 1)).toBe('203.0.113.9');
    // two proxies: the client is the second entry from the right
    expect(clientAddress(peer('10.0.0.3', 'forged, 203.0.113.9, 10.0.0.2'), 2)).toBe('203.0.113.9');
    // fewer entries than proxies: the request did not come through them, only the peer is sure
    expect(clientAddress(peer('198.51.100.7', '203.0.113.9'), 2)).toBe('198.51.100.7');
  });

  it('warns at start when the portal is served over HTTPS with no proxy hop named', () => {
    expect(proxyHopsWarning({ APP_URL: 'https://famille.example.fr' })).toMatch(/TRUSTED_PROXY_HOPS is unset/);
    expect(proxyHopsWarning({ APP_URL: 'https://famille.example.fr', TRUSTED_PROXY_HOPS: '0' })).toBeNull();
    expect(proxyHopsWarning({ APP_URL: 'http://localhost:3000' })).toBeNull();
    expect(proxyHopsWarning({})).toBeNull();
  });

  it('reads TRUSTED_PROXY_HOPS as 0 to 5, else 0', () => {
    expect(trustedProxyHops({})).toBe(0);
    expect(trustedProxyHops({ TRUSTED_PROXY_HOPS: '2' })).toBe(2);
    expect(trustedProxyHops({ TRUSTED_PROXY_HOPS: 'deux' })).toBe(0);
    expect(trustedProxyHops({ TRUSTED_PROXY_HOPS: '9' })).toBe(0);
  });
});
