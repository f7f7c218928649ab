// The feed /agenda/<token>.ics is served without a session: the proxy never sees it (its matcher), so it never sends a
// calendar app to Connexion; the page « Ajouter à mon agenda » (/agenda) stays behind the proxy.
import { describe, expect, it } from 'vitest';
import { config } from '@/proxy';

const seenByProxy = (pathname: string) => config.matcher.some((pattern) => new RegExp(`^${pattern}$`).test(pathname));

describe('the proxy and the calendar feed', () => {
  it('lets a feed through without a session, and keeps the page « Ajouter à mon agenda » behind it', () => {
    expect(seenByProxy('/agenda/ZZZB4yMACrjLdPpGqwJK-Ja9gVh8-KUt_FTVES1OWV0.ics')).toBe(false);
    expect(seenByProxy('/agenda/malformed')).toBe(false);
    expect(seenByProxy('/agenda')).toBe(true);
    expect(seenByProxy('/enfants/12')).toBe(true);
    expect(seenByProxy('/')).toBe(true);
  });
});
