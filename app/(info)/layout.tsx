// The public information pages (RGAA): readable by everyone, signed in or not (proxy.ts lets them through).
import { SiteHeader } from '@/components/site-header';

export default function InfoLayout({ children }: { children: React.ReactNode }) {
  return (
    <>
      <SiteHeader />
      <main id="contenu" className="mx-auto max-w-3xl px-4 py-8">
        {children}
      </main>
    </>
  );
}
