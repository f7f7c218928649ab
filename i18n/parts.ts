// The message files under messages/<locale>/ (the back office's, some parent pages', the footer's), merged over
// messages/<locale>.json.
export const MESSAGE_PARTS = [
  'admin-dashboard',
  'admin-families',
  'admin-calendar',
  'admin-accounts',
  'refusals',
  'famille-planning',
  // « Ajouter à mon agenda »: the family's calendar feed
  'famille-agenda',
  // « Mes données »: the family's data (JSON, CSV) and « Demander la fermeture de mon compte »
  'famille-donnees',
  // « Créer mon espace famille », the confirmation of the address, and the family's status on Mon espace
  'famille-signup',
  // the waiting room's page (read as plain sentences by lib/waiting-room/page.ts) and its dashboard section
  'waiting-room',
  // the footer and the public information pages (accessibilité, mentions légales, données personnelles, contact)
  'site',
] as const;
