// The messages of the structures' forms, which are the calendar's form with their own words (components/client-messages.tsx).
import { ClientMessages } from '@/components/client-messages';

export default function Layout({ children }: { children: React.ReactNode }) {
  return <ClientMessages namespaces={['adminStructures', 'adminCalendar']}>{children}</ClientMessages>;
}
