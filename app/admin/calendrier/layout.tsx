// The messages of « Calendrier et paramètres »' forms (components/client-messages.tsx).
import { ClientMessages } from '@/components/client-messages';

export default function Layout({ children }: { children: React.ReactNode }) {
  return <ClientMessages namespaces={['adminCalendar']}>{children}</ClientMessages>;
}
