// The back office's (and some parent pages') message files under messages/<locale>/, merged over messages/<locale>.json.
export const MESSAGE_PARTS = [
  'admin-dashboard',
  'admin-families',
  'admin-calendar',
  'admin-accounts',
  'refusals',
  'famille-planning',
] as const;
