// The messages of « Comptes »' forms (components/client-messages.tsx).
import { ClientMessages } from '@/components/client-messages';

export default function Layout({ children }: { children: React.ReactNode }) {
  return <ClientMessages namespaces={['accounts']}>{children}</ClientMessages>;
}
