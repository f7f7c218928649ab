// ESLint: Next.js' rules (core web vitals, TypeScript) and the layers of the portal (README, Architecture).
// Formatting is Prettier's job (npm run format): no stylistic rule here.
import { fileURLToPath } from 'node:url';
import { defineConfig, globalIgnores } from 'eslint/config';
import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

// The layers between our own folders, checked on resolved paths, so `@/…` and `../…` are caught alike.
const layerZones = [
  {
    target: './lib/planning',
    from: '.',
    except: ['./lib/planning', './node_modules'],
    message: 'lib/planning is pure calendar rules: it imports nothing of ours but itself.',
  },
  {
    target: './db',
    from: ['./lib', './app', './components', './emails'],
    message: 'db (schema, client, migrations) is the bottom layer: it imports nothing from lib or above.',
  },
  {
    target: './components',
    from: './app',
    message: 'components are shared UI: routes pass them what they need (props), components never import app/.',
  },
  {
    target: './lib',
    from: ['./app', './components'],
    message: 'lib holds the use-cases under the routes: it never imports app/ or components/.',
  },
  {
    target: ['./lib/email', './emails'],
    from: [
      './lib/accounts',
      './lib/audit',
      './lib/reports',
      './lib/structures',
      './lib/requests',
      './lib/enrolments',
      './lib/families',
      './lib/reservations',
      './lib/calendar',
      './lib/auth',
    ],
    message:
      'lib/email and its templates (emails/) import no domain: a template owns its payload, subject and component; ' +
      'domain code imports the payload types from emails/.',
  },
];

// Request-bound framework APIs (redirects, notFound, the Auth.js session, request translations).
const requestBound = (message) => ({
  paths: [
    { name: 'next', message },
    { name: 'next-auth', message },
    { name: 'next-intl', message },
    { name: '@/auth', message },
    { name: '@/auth.config', message },
  ],
  patterns: [{ group: ['next/*', 'next-auth/*', 'next-intl/*'], message }],
});

const libMessage =
  'lib is framework-free: next/*, next-auth and next-intl only in a page-data or request adapter listed in ' +
  'eslint.config.mjs.';
const planningOnlyBans = ['react', 'react-dom', 'drizzle-orm', 'postgres', '@electric-sql/pglite', 'server-only'];
const planningMessage =
  'lib/planning is pure: no framework (next, react, next-auth, next-intl), no database driver, no Node I/O.';

const actionMessage =
  'A server action checks who asks through action() (lib/action.ts): its `role` authenticates, its handler gets ' +
  'the user. No action file reads the session by hand.';

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores([
    '.next/**',
    'node_modules/**',
    '.data/**',
    'coverage/**',
    'test-results/**',
    'playwright-report/**',
    'db/migrations/**',
    'next-env.d.ts',
  ]),
  {
    rules: {
      // `const { page: _page, ...kept } = filters` is how we drop a key: the rest sibling is what is used
      '@typescript-eslint/no-unused-vars': ['warn', { ignoreRestSiblings: true }],
      // French text is full of apostrophes (n'êtes, l'étape), harmless in JSX text: only > " } are mistakes there
      'react/no-unescaped-entities': ['error', { forbid: ['>', '"', '}'] }],
      'import/no-restricted-paths': [
        'error',
        { basePath: fileURLToPath(new URL('.', import.meta.url)), zones: layerZones },
      ],
    },
  },
  // lib: no next/*, next-auth or next-intl by default; a new file that needs them is refused until listed below.
  {
    files: ['lib/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', requestBound(libMessage)] },
  },
  // lib/planning: stricter still (react, the database drivers, Node's modules); our own folders: layerZones.
  {
    files: ['lib/planning/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            ...requestBound(planningMessage).paths,
            ...planningOnlyBans.map((name) => ({ name, message: planningMessage })),
          ],
          patterns: [
            {
              group: ['next/*', 'next-auth/*', 'next-intl/*', 'react/*', 'react-dom/*', 'drizzle-orm/*', 'node:*'],
              message: planningMessage,
            },
          ],
        },
      ],
    },
  },
  // The request adapters of lib: the only files of lib that may use request-bound framework APIs.
  {
    files: [
      // a page's data: notFound() and redirect() when the child, draft or request is not the caller's
      'lib/**/page-data.ts',
      // the session of the request: redirect() to Connexion, forbidden() for the wrong role, Auth.js' auth()
      'lib/auth/session.ts',
      // the server-action wrapper: unstable_rethrow() lets redirect()/notFound() through its catch
      'lib/action.ts',
      // the role check of route handlers (CSV exports): its 401/403 text comes from next-intl's getTranslations()
      'lib/auth/route-auth.ts',
      // the address an e-mail's links point to: APP_URL, else the request's Host (next/headers)
      'lib/email/base-url.ts',
    ],
    ignores: ['lib/planning/**'],
    rules: { 'no-restricted-imports': 'off' },
  },
  // Server actions: the session only through action() (lib/action.ts), never by hand.
  {
    files: ['app/**/actions.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: '@/lib/auth/session',
              importNames: ['requireParent', 'requireStaff', 'currentUser'],
              message: actionMessage,
            },
            { name: '@/auth', importNames: ['auth'], message: actionMessage },
          ],
        },
      ],
    },
  },
]);
