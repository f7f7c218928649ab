// The messages the layouts hand to the browser (i18n/client-messages.ts): every namespace a client component asks
// for is among them (the error page: the root layout's; the parents' and visitors' pages: their layouts'; the back
// office: app/admin/layout.tsx's), and nothing else.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AbstractIntlMessages } from 'next-intl';
import {
  BACK_OFFICE_CLIENT_NAMESPACES,
  CLIENT_NAMESPACES,
  clientMessages,
  ROOT_CLIENT_NAMESPACES,
} from '@/i18n/client-messages';
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

/**
 * Client components, with the namespaces they name: in useTranslations('…'), and in the type of a `namespace`
 * prop that chooses it (`namespace?: 'demarche' | 'onBehalf'`).
 */
const clientComponents = ['app', 'components']
  .flatMap(sourceFiles)
  .map((file) => ({ file, source: readFileSync(path.join(root, file), 'utf8') }))
  .filter(({ source }) => /^\s*['"]use client['"]/m.test(source))
  .map(({ file, source }) => ({
    file,
    backOffice: file.startsWith(path.join('app', 'admin')),
    namespaces: [
      ...[...source.matchAll(/useTranslations\(\s*['"]([\w.]+)['"]\s*\)/g)].map((m) => m[1]!.split('.')[0]!),
      ...[...source.matchAll(/namespace\??:\s*((?:['"]\w+['"]\s*\|?\s*)+)/g)].flatMap((m) =>
        [...m[1]!.matchAll(/['"](\w+)['"]/g)].map((n) => n[1]!),
      ),
    ],
  }));

describe('the messages handed to the browser', () => {
  it('hold every namespace the client components outside the back office ask for', () => {
    const kept = clientMessages(messages);
    expect(clientComponents.filter((c) => !c.backOffice).length).toBeGreaterThan(0);
    for (const { file, namespaces, backOffice } of clientComponents) {
      if (backOffice) continue;
      // a shared component may be given a back-office namespace by a back-office page only
      for (const namespace of namespaces.filter((n) => n !== 'onBehalf'))
        expect(kept[namespace], `« ${namespace} » of ${file}`).toBeDefined();
    }
  });

  it('hold, at the root (the error page, outside every group), what its client components ask for', () => {
    const kept = clientMessages(messages, ROOT_CLIENT_NAMESPACES);
    const atRoot = clientComponents.filter((c) => path.dirname(c.file) === 'app');
    expect(atRoot.map((c) => c.file)).toContain(path.join('app', 'error.tsx'));
    for (const { file, namespaces } of atRoot) {
      for (const namespace of namespaces) expect(kept[namespace], `« ${namespace} » of ${file}`).toBeDefined();
    }
  });

  it('hold, in the back office, every namespace of every client component', () => {
    const kept = clientMessages(messages, BACK_OFFICE_CLIENT_NAMESPACES);
    for (const { file, namespaces } of clientComponents) {
      for (const namespace of namespaces) expect(kept[namespace], `« ${namespace} » of ${file}`).toBeDefined();
    }
  });

  it('leave out what no client component asks for: the back office, the server-only texts', () => {
    const kept = clientMessages(messages);
    expect(Object.keys(kept).sort()).toEqual([...CLIENT_NAMESPACES].sort());
    for (const namespace of ['adminDashboard', 'refusals', 'home', 'requests', 'onBehalf'])
      expect(kept[namespace], namespace).toBeUndefined();
  });
});
