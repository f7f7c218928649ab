// What a client component may import, so that the parents' pages stay light (npm run bench:web: ≤ 150 KB of
// gzipped JS): lib/planning's pure modules one by one, never its index (it brings date-holidays and every rule),
// and none of the server's libraries.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.join(__dirname, '../..');
const FORBIDDEN = [
  /^@\/lib\/planning$/,
  /^date-holidays$/,
  /^dayjs/,
  /^zod/,
  /^drizzle-orm/,
  /^@\/db/,
  /^postgres$/,
  /^@electric-sql\//,
  /^@node-rs\//,
];

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(root, dir)).flatMap((name) => {
    const file = path.join(dir, name);
    if (statSync(path.join(root, file)).isDirectory()) return sourceFiles(file);
    return /\.tsx?$/.test(name) ? [file] : [];
  });
}

const clientComponents = ['app', 'components']
  .flatMap(sourceFiles)
  .map((file) => ({ file, source: readFileSync(path.join(root, file), 'utf8') }))
  .filter(({ source }) => /^\s*['"]use client['"]/m.test(source));

describe('client components', () => {
  it('import no heavy or server-side module (type-only imports aside)', () => {
    expect(clientComponents.length).toBeGreaterThan(0);
    for (const { file, source } of clientComponents) {
      const imports = [...source.matchAll(/^import\s+(type\s+)?[^'"]*?from\s+['"]([^'"]+)['"]/gm)]
        .filter((m) => !m[1])
        .map((m) => m[2]!);
      for (const specifier of imports) {
        expect(
          FORBIDDEN.some((rule) => rule.test(specifier)),
          `${file} imports ${specifier}`,
        ).toBe(false);
      }
    }
  });
});
