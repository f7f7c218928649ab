// The message files under messages/<locale>/ (the back office's, some parent pages', the footer's), merged over
// messages/<locale>.json.
export const MESSAGE_PARTS = [
  'admin-dashboard',
  'admin-families',
  'admin-calendar',
  'admin-accounts',
  // « Absences à traiter » (the back office)
  'admin-absences',
  // « Listes d'attente » (the back office) and the dashboard's line
  'admin-waiting-lists',
  // « Bilans de présence » and « Rapport CAF » (the back office) and the dashboard's rate
  'admin-reports',
  // « Pointage »: the animateurs' attendance check-in on a phone (French only, like the back office)
  'pointage',
  'refusals',
  'famille-planning',
  // « Ajouter à mon agenda »: the family's calendar feed
  'famille-agenda',
  // « Mes données »: the family's data (JSON, CSV) and « Demander la fermeture de mon compte »
  'famille-donnees',
  // « Créer mon espace famille », the confirmation of the address, and the family's status on Mon espace
  'famille-signup',
  // « Signaler une absence » and its follow-up in Mes demandes
  'famille-absences',
  // « Liste d'attente »: the child's page, « À venir », « Quitter la liste d'attente »
  'famille-waiting-list',
  // the waiting room's page (read as plain sentences by lib/waiting-room/page.ts) and its dashboard section
  'waiting-room',
  // the footer and the public information pages (accessibilité, mentions légales, données personnelles, contact)
  'site',
  // the e-mails' sentences (emails/*.tsx, in the recipient's language: emails/i18n.ts)
  'emails',
] as const;

/**
 * The parts that exist in every language. The others are the back office's, French only (the staff's office stays
 * French): another language has no file for them and falls back to the French namespaces.
 */
export const TRANSLATED_PARTS = [
  'refusals',
  'famille-planning',
  'famille-agenda',
  'famille-signup',
  'famille-donnees',
  'famille-absences',
  'famille-waiting-list',
  'waiting-room',
  'site',
  'emails',
] as const;

/**
 * The namespaces only the back office shows: French in every language (tests/unit/messages-languages.test.ts checks
 * that every other French namespace is translated, key for key).
 */
export const BACK_OFFICE_NAMESPACES = [
  'admin',
  'adminEmails',
  'adminRequests',
  'pagination',
  'journal',
  'accounts',
  'adminCalendar',
  'adminStructures',
  'reportErrors',
  'units',
  'adminDashboard',
  'attendance',
  'mealOrders',
  'adminFamilies',
  'adminChild',
  'onBehalf',
  'adminWaitingRoom',
  'adminSignups',
  'adminClosures',
  'adminAbsences',
  'adminWaitingLists',
  // « Bilans de présence », « Rapport CAF »
  'attendanceReports',
  'cafReport',
  'pointage',
] as const;
