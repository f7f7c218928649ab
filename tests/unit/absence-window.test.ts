// « Signaler une absence »: the days a parent may declare, from 2 working days back (weekends and public holidays of
// France skipped) to 30 days ahead, and which days give their place back (those after today).
import { describe, expect, it } from 'vitest';
import { absenceWindow, isWorkingDay, releasesPlace, workingDaysBefore } from '@/lib/planning';
import { sniffCertificateType } from '@/lib/documents/certificate';

describe('the absence window', () => {
  it('on the demo Sunday reaches back to Thursday and on to 30 days later', () => {
    expect(absenceWindow('2026-11-29')).toEqual({ from: '2026-11-26', to: '2026-12-29' });
  });

  it('on a Monday reaches back to the Thursday before', () => {
    expect(absenceWindow('2026-11-30').from).toBe('2026-11-26');
  });

  it('skips a public holiday: Friday 13 November 2026 reaches back over Armistice (Wednesday 11) to Tuesday 10', () => {
    expect(isWorkingDay('2026-11-11')).toBe(false);
    expect(workingDaysBefore('2026-11-13', 2)).toBe('2026-11-10');
  });

  it('weekends are not working days', () => {
    expect(isWorkingDay('2026-11-28')).toBe(false);
    expect(isWorkingDay('2026-11-29')).toBe(false);
    expect(isWorkingDay('2026-11-27')).toBe(true);
  });

  it('frees the places of days after today only', () => {
    expect(releasesPlace('2026-11-30', '2026-11-29')).toBe(true);
    expect(releasesPlace('2026-11-29', '2026-11-29')).toBe(false);
    expect(releasesPlace('2026-11-27', '2026-11-29')).toBe(false);
  });
});

describe('the certificate’s type, read from its first bytes', () => {
  it('knows PDF, PNG and JPEG, and nothing else', () => {
    expect(sniffCertificateType(new TextEncoder().encode('%PDF-1.7'))?.type).toBe('application/pdf');
    expect(sniffCertificateType(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))?.type).toBe(
      'image/png',
    );
    expect(sniffCertificateType(new Uint8Array([0xff, 0xd8, 0xff, 0xe0]))?.type).toBe('image/jpeg');
    expect(sniffCertificateType(new TextEncoder().encode('MZ\x90\x00'))).toBeNull();
    expect(sniffCertificateType(new TextEncoder().encode('<html>'))).toBeNull();
  });
});
