// The portal's public information pages (RGAA: every page's footer links to them): open to everyone, signed in or
// not. The proxy lets them through without a session; the footer links to them.
export const INFO_PAGES = {
  accessibility: '/accessibilite',
  legal: '/mentions-legales',
  privacy: '/donnees-personnelles',
  contact: '/contact',
} as const;

const paths: readonly string[] = Object.values(INFO_PAGES);

export const isInfoPage = (pathname: string) => paths.includes(pathname);
