// The messages handed to the browser (i18n/client-messages.ts): every client component that asks for a namespace is
// rendered inside a provider holding it (the root layout's, the visitors' layout's, or a <ClientMessages> of the page,
// of a layout above it, or of the server component that renders it), and the providers pass nothing else.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AbstractIntlMessages } from 'next-intl';
import * as lists from '@/i18n/client-messages';
import { clientMessages, PUBLIC_CLIENT_NAMESPACES, ROOT_CLIENT_NAMESPACES } from '@/i18n/client-messages';
import { MESSAGE_PARTS } from '@/i18n/parts';

const root = path.join(__dirname, '../..');
const load = (file: string) => JSON.parse(readFileSync(path.join(root, file), 'utf8')) as AbstractIntlMessages;
const messages = Object.assign(
  {},
  load('messages/fr.json'),
  ...MESSAGE_PARTS.map((part) => load(`messages/fr/${part}.json`)),
) as AbstractIntlMessages;

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(root, dir)).flatMap((name) => {
    const file = path.join(dir, name);
    if (statSync(path.join(root, file)).isDirectory()) return sourceFiles(file);
    return /\.tsx?$/.test(name) ? [file] : [];
  });
}

const files = ['app', 'components'].flatMap(sourceFiles).map((file) => ({
  file,
  source: readFileSync(path.join(root, file), 'utf8'),
}));
const isClient = (source: string) => /^\s*['"]use client['"]/m.test(source);

/** The files a source imports (relative and `@/` paths), as repository paths. */
function importsOf(file: string, source: string): string[] {
  return [...source.matchAll(/^import (?!type )[^;]*?from\s+['"]((?:\.{1,2}|@)\/[^'"]+)['"]/gm)].flatMap((m) => {
    const spec = m[1]!;
    const base = spec.startsWith('@/') ? spec.slice(2) : path.join(path.dirname(file), spec);
    return ['.tsx', '.ts', '/index.tsx', '/index.ts'].map((ext) => path.normalize(base + ext));
  });
}

/**
 * The namespaces a client component names: `fixed`, in useTranslations('…') (with those of the client components it
 * imports); `choice`, the values of a `namespace` prop that chooses one (`namespace?: 'demarche' | 'onBehalf'`), with
 * its default.
 */
const own = new Map(
  files
    .filter(({ source }) => isClient(source))
    .map(({ file, source }) => [
      file,
      {
        fixed: [...source.matchAll(/useTranslations\(\s*['"]([\w.]+)['"]\s*\)/g)].map((m) => m[1]!.split('.')[0]!),
        choice: [...source.matchAll(/namespace\??:\s*((?:['"]\w+['"]\s*\|?\s*)+)/g)].flatMap((m) =>
          [...m[1]!.matchAll(/['"](\w+)['"]/g)].map((n) => n[1]!),
        ),
        defaultChoice: /namespace = ['"](\w+)['"]/.exec(source)?.[1],
        imports: importsOf(file, source),
      },
    ]),
);
function fixedOf(file: string, seen = new Set<string>()): Set<string> {
  const c = own.get(file);
  if (!c || seen.has(file)) return new Set();
  seen.add(file);
  return new Set([...c.fixed, ...c.imports.flatMap((i) => [...fixedOf(i, seen)])]);
}
const clientComponents = [...own.entries()]
  .map(([file, c]) => ({ file, fixed: fixedOf(file), choice: c.choice, defaultChoice: c.defaultChoice }))
  .filter((c) => c.fixed.size > 0 || c.choice.length > 0);

/** What a renderer chooses of a component's `namespace` prop: the values it writes, else the default. */
function chosen(component: (typeof clientComponents)[number], renderer: string): string[] {
  if (component.choice.length === 0) return [];
  if (/namespace=\{policy\.namespace\}/.test(renderer)) return ['demarche', 'onBehalf'];
  const written = [...renderer.matchAll(/namespace="(\w+)"/g)].map((m) => m[1]!);
  const picked = written.filter((n) => component.choice.includes(n));
  return picked.length > 0 ? picked : component.defaultChoice ? [component.defaultChoice] : component.choice;
}

/**
 * What a server file's providers hand down: the strings of its `namespaces={[…]}`, the lists of
 * i18n/client-messages.ts it names, and the démarche's two namespaces for `policy.namespace`.
 */
function provided(source: string): Set<string> {
  const out = new Set<string>();
  const named = (text: string) => {
    for (const [name, list] of Object.entries(lists))
      if (Array.isArray(list) && new RegExp(`\\b${name}\\b`).test(text)) list.forEach((n) => out.add(n));
  };
  for (const m of source.matchAll(/namespaces=\{\[([^\]]*)\]\}/g)) {
    for (const s of m[1]!.matchAll(/['"](\w+)['"]/g)) out.add(s[1]!);
    if (m[1]!.includes('policy.namespace')) ['demarche', 'onBehalf'].forEach((n) => out.add(n));
    named(m[1]!);
  }
  for (const m of source.matchAll(/clientMessages\((?:[^()]|\([^()]*\))*\)/g)) named(m[0]);
  return out;
}

/** The layouts above a file of app/, nearest first (the root layout last). */
function layoutsAbove(file: string): string[] {
  const out: string[] = [];
  for (let dir = path.dirname(file); dir.startsWith('app'); dir = path.dirname(dir)) {
    const layout = path.join(dir, 'layout.tsx');
    if (files.some((f) => f.file === layout)) out.push(layout);
    if (dir === 'app') break;
  }
  return out;
}

const sourceOf = (file: string) => files.find((f) => f.file === file)!.source;
const renderersOf = (target: string) =>
  files.filter(({ file, source }) => !isClient(source) && importsOf(file, source).includes(target));

/**
 * Whether a server file hands `namespace` down to what it renders: its own provider decides when it has one (a nested
 * provider replaces its parent's); a page takes the nearest layout's that provides anything; any other server
 * component takes what each of its own renderers hands down.
 */
function handsDown(file: string, namespace: string, seen = new Set<string>()): boolean {
  const mine = provided(sourceOf(file));
  if (mine.size > 0) return mine.has(namespace);
  if (/(^|\/)(page|layout)\.tsx$/.test(file)) {
    const nearest = layoutsAbove(file)
      .filter((l) => l !== file)
      .map((l) => provided(sourceOf(l)))
      .find((p) => p.size > 0);
    return nearest?.has(namespace) ?? false;
  }
  if (seen.has(file)) return true;
  seen.add(file);
  return renderersOf(file).every((r) => handsDown(r.file, namespace, seen));
}

describe('the messages handed to the browser', () => {
  it('reach every client component that asks for them, from whoever renders it', () => {
    expect(clientComponents.length).toBeGreaterThan(10);
    let checked = 0;
    for (const component of clientComponents) {
      // a client component rendered by client components only is checked through them
      for (const { file, source } of renderersOf(component.file)) {
        for (const namespace of [...component.fixed, ...chosen(component, source)]) {
          // a shared component is given the back office's namespace (onBehalf) by the back office only
          if (namespace === 'onBehalf' && !file.startsWith(path.join('app', 'admin')) && !file.startsWith('components'))
            continue;
          expect(handsDown(file, namespace), `« ${namespace} » of ${component.file}, rendered by ${file}`).toBe(true);
          checked += 1;
        }
      }
    }
    expect(checked).toBeGreaterThan(20);
  });

  it('hold, at the root (the error page, outside every group), what its client components ask for', () => {
    const kept = clientMessages(messages, ROOT_CLIENT_NAMESPACES);
    const atRoot = clientComponents.filter((c) => path.dirname(c.file) === 'app');
    expect(atRoot.map((c) => c.file)).toContain(path.join('app', 'error.tsx'));
    for (const { file, fixed } of atRoot) {
      for (const namespace of fixed) expect(kept[namespace], `« ${namespace} » of ${file}`).toBeDefined();
    }
  });

  it('name namespaces that exist', () => {
    const named = new Set([...clientComponents.flatMap((c) => [...c.fixed, ...c.choice]), ...PUBLIC_CLIENT_NAMESPACES]);
    for (const namespace of named) expect(messages[namespace], namespace).toBeDefined();
  });

  it('leave out what was not asked for', () => {
    expect(Object.keys(clientMessages(messages, ['login', 'errors', 'nothing']))).toEqual(['login', 'errors']);
  });

  it('leave the parents’ pages without a provider of their own, and the back office without one for all its pages', () => {
    for (const layout of [path.join('app', '(famille)', 'layout.tsx'), path.join('app', 'admin', 'layout.tsx')])
      expect(sourceOf(layout)).not.toMatch(/NextIntlClientProvider|ClientMessages/);
  });
});
