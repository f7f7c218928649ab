// The back office's message files under messages/<locale>/, merged over messages/<locale>.json.
export const MESSAGE_PARTS = [
  'admin-dashboard',
  'admin-families',
  'admin-calendar',
  'admin-accounts',
  'refusals',
] as const;
