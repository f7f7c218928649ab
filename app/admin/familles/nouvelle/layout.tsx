// The messages of « Nouvelle famille »' form (components/client-messages.tsx).
import { ClientMessages } from '@/components/client-messages';

export default function Layout({ children }: { children: React.ReactNode }) {
  return <ClientMessages namespaces={['adminFamilies']}>{children}</ClientMessages>;
}
