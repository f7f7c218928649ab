import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { alias: { '@': fileURLToPath(new URL('./', import.meta.url)) } },
  test: {
    include: ['tests/unit/**/*.test.{ts,tsx}', 'tests/integration/**/*.test.ts'],
    environment: 'node',
    // the demo town, seeded once per run and copied by each file's createDemoDatabase()
    globalSetup: ['tests/support/demo-template.ts'],
    // next-auth imports 'next/server' without an extension, which Node's ESM loader refuses: let Vite resolve it
    // (tests/unit/security-headers.test.ts calls proxy.ts itself)
    server: { deps: { inline: ['next-auth'] } },
    testTimeout: 30_000,
    hookTimeout: 60_000,
    coverage: {
      provider: 'v8',
      include: ['lib/planning/**/*.ts'],
      reporter: ['text', 'json-summary'],
      thresholds: { lines: 95 },
    },
  },
});
