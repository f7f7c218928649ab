// One way to write a server action: every function exported by an actions.ts under app/ is made by action()
// (lib/action.ts), which authenticates the role, parses with zod and answers one FormState. A hand-written action (a
// role checked by hand, its own state type) fails here; so does a form's action that reads its fields by hand.
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { action, formDataToObject, pipelineOf } from '@/lib/action';

vi.mock('server-only', () => ({}));
vi.mock('@/auth', () => ({ auth: async () => null, signIn: async () => {}, signOut: async () => {} }));

function actionFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return actionFiles(full);
    return name === 'actions.ts' ? [full] : [];
  });
}

const files = actionFiles(path.join(process.cwd(), 'app')).map((f) => path.relative(process.cwd(), f));

describe('the server actions', () => {
  it('are found in every actions.ts of app/', () => {
    expect(files.length).toBeGreaterThanOrEqual(11);
  });

  for (const file of files) {
    it(`${file}: every export is an action() of the pipeline`, async () => {
      const mod = (await import(path.join(process.cwd(), file))) as Record<string, unknown>;
      const exported = Object.entries(mod).filter(([, value]) => typeof value === 'function');
      expect(exported.length, `${file} exports no action`).toBeGreaterThan(0);
      for (const [name, fn] of exported) {
        expect(pipelineOf(fn), `${file}: ${name} is not made by action() (lib/action.ts)`).toMatchObject({
          role: expect.stringMatching(/^(anyone|parent|staff|admin)$/),
        });
      }
    });
  }
});

describe('action()', () => {
  it('marks what it makes with its role, and nothing else is marked', () => {
    const made = action({ role: 'admin', input: z.object({}), name: 'x' }, async () => 1);
    expect(pipelineOf(made)).toEqual({ role: 'admin', name: 'x' });
    expect(pipelineOf(async () => 1)).toBeUndefined();
    expect(pipelineOf(undefined)).toBeUndefined();
  });

  it('reads a form: dotted names nest, a repeated name is a list, React’s own fields are dropped', () => {
    const form = new FormData();
    form.set('name', 'Martin');
    form.set('parent.email', 'a@b.fr');
    form.append('weekdays', '1');
    form.append('weekdays', '3');
    form.set('$ACTION_ID_abc', '');
    expect(formDataToObject(form)).toEqual({ name: 'Martin', parent: { email: 'a@b.fr' }, weekdays: ['1', '3'] });
  });

  it('answers a refusal of the input in French, with the fields, before the handler runs', async () => {
    const handler = vi.fn(async () => 'done');
    const made = action(
      { role: 'anyone', input: z.object({ name: z.string({ error: 'Indiquez le nom.' }) }) },
      handler,
    );
    expect(await made(new FormData())).toMatchObject({
      ok: false,
      formError: 'Certaines informations ne sont pas valides.',
      fieldErrors: { name: ['Indiquez le nom.'] },
      code: 'invalid_input',
    });
    expect(handler).not.toHaveBeenCalled();
  });

  it('answers the data of a success, as a form action (prev, form) or a JSON call alike', async () => {
    const made = action({ role: 'anyone', input: z.object({ n: z.coerce.number() }) }, async ({ n }) => n * 2);
    const form = new FormData();
    form.set('n', '21');
    expect(await made({}, form)).toMatchObject({ ok: true, data: 42 });
    expect(await made({ n: 4 })).toMatchObject({ ok: true, data: 8 });
  });

  it('answers nothing for a plain form’s success', async () => {
    const made = action({ role: 'anyone', input: z.object({}).optional(), plain: true }, async () => 'left');
    expect(await made(new FormData())).toBeUndefined();
  });
});
