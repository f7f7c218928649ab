// The messages of a family's file and its children's pages: the family's forms, the invitation, the enrolment (components/client-messages.tsx).
import { ClientMessages } from '@/components/client-messages';

export default function Layout({ children }: { children: React.ReactNode }) {
  return <ClientMessages namespaces={['accounts', 'adminFamilies', 'adminChild']}>{children}</ClientMessages>;
}
