// What the invitation and the password reset show around their single-use link: the notice of a kept copy (link
// masked), the link itself, and its address in words for mail clients that break links.
import { Link, Text } from '@react-email/components';
import { MASKED_LINK } from './account-link';
import type { EmailWords } from './i18n';
import { styles } from './layout';

export function MaskedNotice({ w, link }: { w: EmailWords; link: string | null }) {
  return link === null ? <Text style={styles.masked}>{w.t('accountLink.maskedNotice')}</Text> : null;
}

export function AccountLinkBlock({ w, link, action }: { w: EmailWords; link: string | null; action: string }) {
  const masked = w.t('accountLink.masked');
  return (
    <>
      <Text style={styles.text}>
        <Link href={link ?? MASKED_LINK.href} style={styles.link}>
          {link === null ? masked : action}
        </Link>
      </Text>
      <Text style={styles.small}>{w.t('accountLink.copy', { link: link ?? masked })}</Text>
    </>
  );
}
