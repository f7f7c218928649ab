'use client';

// Remembers on the device that the legend was shown once (a cookie of a year, read by the server: components/legend).
import { useEffect } from 'react';

export function LegendSeen({ cookie }: { cookie: string }) {
  useEffect(() => {
    document.cookie = `${cookie}=1; path=/; max-age=31536000; samesite=lax`;
  }, [cookie]);
  return null;
}
