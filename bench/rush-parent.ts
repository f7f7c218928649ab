// One virtual parent of npm run bench:rush (bench/rush.ts runs them): a browser's requests over HTTP/1.1 keep-alive,
// a cookie jar, the waiting room honoured, and the démarche from Connexion to the confirmation, step by step.
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import zlib from 'node:zlib';
import { DEMO_ACCOUNTS } from '@/lib/demo/seed';

/** connections per parent, as a browser opens to one host */
const CONNECTIONS = 6;
/** week 1: a full day with the classic meal on Wednesday; week 2: a morning with the meatless meal (bench/reservations.ts) */
const TEMPLATE_WEEKS: Record<string, string[]>[] = [
  { 3: ['matin', 'apres_midi', 'repas_classique'] },
  { 3: ['matin', 'repas_sans_viande'] },
];
const USER_AGENT = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156 Safari/537.36';
/** the steps of the démarche, one HTTP request each, in order */
export const STEPS = [
  'connexion',
  'sign-in',
  'mon-espace',
  'intro',
  'commencer',
  'etape-1',
  'template',
  'to-etape-2',
  'recap',
  'valider',
  'confirmation',
  'sign-out',
] as const;
export type Step = (typeof STEPS)[number];

export const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => (clearTimeout(timer), resolve()), { once: true });
  });

// ---- one parent's browser: a cookie jar, keep-alive connections, the waiting room --------------------------
export interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** Why a parent stopped: the level's time ran out while it waited in the waiting room. */
export class StillWaiting extends Error {}
/** Why a parent failed: a short reason, counted in the table (a timeout, a reset, HTTP 500, an unexpected page). */
export class Failed extends Error {
  constructor(
    readonly reason: string,
    readonly step: Step,
    /** the page answered, for BENCH_RUSH_DUMP */
    readonly body?: string,
  ) {
    super(`${step}: ${reason}`);
  }
}

export interface Parent {
  email: string;
  childId: number;
}

export interface ParentRun {
  outcome: 'completed' | 'failed' | 'waiting';
  reason?: string;
  /** got past the waiting room at least once (or met none) */
  admitted: boolean;
  /** time spent in the waiting room */
  waitedMs: number;
  /** each step's time, its last attempt only (the one the waiting room let through) */
  steps: Partial<Record<Step, number>>;
}

export class Browser {
  private readonly agent = new http.Agent({ keepAlive: true, maxSockets: CONNECTIONS });
  private readonly cookies = new Map<string, string>();
  waitedMs = 0;
  admitted = false;
  waiting = false;
  readonly steps: Partial<Record<Step, number>> = {};

  constructor(
    private readonly server: {
      port: number;
      /** a request not answered within it fails the parent (a timeout) */
      requestTimeoutMs: number;
      /** aborts everything at the level's end */
      signal: AbortSignal;
      /** the parent enters (1) or leaves (-1) the waiting room */
      onWaiting?: (delta: 1 | -1) => void;
    },
  ) {}

  private get signal(): AbortSignal {
    return this.server.signal;
  }

  close(): void {
    this.agent.destroy();
  }

  /**
   * One request as the browser sends it, timed as `step`; the waiting room's page is waited out (Refresh seconds)
   * and the same request sent again. Redirects are not followed here: the journey follows them, step by step.
   */
  async send(
    step: Step,
    method: 'GET' | 'POST',
    target: string,
    extra: { headers?: Record<string, string>; body?: Buffer } = {},
  ): Promise<Answer> {
    for (;;) {
      // the level's end stops the parents who have not got in (still waiting); a parent already let in finishes the
      // démarche, as a real one would, bounded by the request timeout: cutting it would count a request it submitted
      // as one the client never saw
      if (this.signal.aborted && (this.waiting || !this.admitted)) throw new StillWaiting();
      const started = performance.now();
      const answer = await this.once(step, method, target, extra).catch((error: unknown) => {
        // the level ended while the waiting room's page was being asked again: still waiting
        throw this.signal.aborted && this.waiting ? new StillWaiting() : error;
      });
      const position = answer.headers['x-salle-attente'];
      if (position !== undefined) {
        if (!this.waiting) this.server.onWaiting?.(1);
        this.waiting = true;
        // Refresh: "5" or "5; url=…": the browser reloads after that many seconds. A held refresh let in answers
        // 303 to the same page with X-Salle-Attente 0 and Refresh 0: the browser follows it at once
        const seconds = Number(String(answer.headers.refresh ?? '5').split(';')[0]);
        const refresh = Number.isFinite(seconds) && seconds >= 0 ? seconds : 5;
        const waitStarted = performance.now();
        await sleep(refresh * 1000, this.signal);
        this.waitedMs += performance.now() - waitStarted + (waitStarted - started);
        continue;
      }
      if (this.waiting) this.server.onWaiting?.(-1);
      this.waiting = false;
      this.admitted = true;
      this.steps[step] = performance.now() - started;
      if (answer.status >= 500) throw new Failed(`HTTP ${answer.status}`, step);
      return answer;
    }
  }

  private once(
    step: Step,
    method: string,
    target: string,
    extra: { headers?: Record<string, string>; body?: Buffer },
  ): Promise<Answer> {
    const headers: Record<string, string> = {
      host: `localhost:${this.server.port}`,
      'user-agent': USER_AGENT,
      accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8',
      'accept-language': 'fr-FR,fr;q=0.9',
      'accept-encoding': 'gzip, deflate, br',
      ...extra.headers,
    };
    if (this.cookies.size > 0) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    if (method === 'POST') headers.origin = `http://localhost:${this.server.port}`; // Next.js refuses a server action whose Origin is not the host
    if (extra.body) headers['content-length'] = String(extra.body.length);
    return new Promise<Answer>((resolve, reject) => {
      const request = http.request(
        {
          host: '127.0.0.1',
          port: this.server.port,
          method,
          path: target,
          headers,
          agent: this.agent,
          signal: this.admitted && !this.waiting ? undefined : this.signal,
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('error', (error) => reject(failure(step, error)));
          response.on('end', () => {
            clearTimeout(timer);
            try {
              for (const cookie of response.headers['set-cookie'] ?? []) this.keep(cookie);
              const raw = Buffer.concat(chunks);
              const encoding = response.headers['content-encoding'];
              const body =
                encoding === 'gzip'
                  ? zlib.gunzipSync(raw)
                  : encoding === 'br'
                    ? zlib.brotliDecompressSync(raw)
                    : encoding === 'deflate'
                      ? zlib.inflateSync(raw)
                      : raw;
              resolve({ status: response.statusCode ?? 0, headers: response.headers, body: body.toString('utf8') });
            } catch (error) {
              reject(failure(step, error));
            }
          });
        },
      );
      const timer = setTimeout(
        () => request.destroy(new Failed(`timeout at ${this.server.requestTimeoutMs / 1000} s`, step)),
        this.server.requestTimeoutMs,
      );
      request.on('error', (error) => {
        clearTimeout(timer);
        reject(failure(step, error));
      });
      request.end(extra.body);
    });
  }

  /** Set-Cookie, minimally: name=value, removed when it expires at once (Auth.js clears its cookies this way). */
  private keep(header: string): void {
    const [pair, ...attributes] = header.split(';');
    const at = pair!.indexOf('=');
    const name = pair!.slice(0, at).trim();
    const value = pair!.slice(at + 1).trim();
    const expired = attributes.some((a) => {
      const [k, v] = a.split('=').map((s) => s.trim());
      return (
        (k?.toLowerCase() === 'max-age' && Number(v) <= 0) ||
        (k?.toLowerCase() === 'expires' && Date.parse(v ?? '') < Date.now())
      );
    });
    if (expired || value === '') this.cookies.delete(name);
    else this.cookies.set(name, value);
  }
}

function failure(step: Step, error: unknown): Failed {
  if (error instanceof Failed) return error;
  const e = error as NodeJS.ErrnoException;
  if (e.name === 'AbortError') return new Failed('level time up', step);
  if (e.code === 'ECONNRESET') return new Failed('connection reset', step);
  if (e.code === 'ECONNREFUSED') return new Failed('connection refused', step);
  return new Failed(e.code ?? e.message ?? String(error), step);
}

// ---- the pages, read minimally ---------------------------------------------------------------------------
const ENTITIES: Record<string, string> = { amp: '&', quot: '"', lt: '<', gt: '>', apos: "'", nbsp: '\u00a0' };
function decode(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (whole, name: string) =>
    name[0] === '#'
      ? String.fromCodePoint(name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : Number(name.slice(1)))
      : (ENTITIES[name] ?? whole),
  );
}

function attributes(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [, name, value] of tag.matchAll(/\s([^\s=/>]+)(?:="([^"]*)")?/g)) out[name!] = decode(value ?? '');
  return out;
}

/**
 * The fields a browser sends for the first form of the page whose HTML matches `marker`: its inputs with a name
 * (hidden ones included: React's $ACTION_… fields and the ids), then the submit button's name and value if any.
 */
function formFields(html: string, marker: RegExp, step: Step): [string, string][] {
  const form = [...html.matchAll(/<form\b[^>]*>[\s\S]*?<\/form>/g)].map((m) => m[0]).find((f) => marker.test(f));
  if (!form) throw new Failed(`no form matching ${marker}`, step);
  const fields: [string, string][] = [];
  for (const [tag] of form.matchAll(/<input\b[^>]*>/g)) {
    const a = attributes(tag);
    if (!a.name || a.disabled !== undefined) continue;
    if ((a.type === 'checkbox' || a.type === 'radio') && a.checked === undefined) continue;
    fields.push([a.name, a.value ?? '']);
  }
  for (const [tag] of form.matchAll(/<button\b[^>]*>/g)) {
    const a = attributes(tag);
    if (a.name && (a.type ?? 'submit') === 'submit') fields.push([a.name, a.value ?? '']);
  }
  return fields;
}

/** A form's fields as multipart/form-data, as a browser encodes them (the boundary from undici's FormData). */
async function multipart(fields: [string, string][]): Promise<{ body: Buffer; type: string }> {
  const data = new FormData();
  for (const [name, value] of fields) data.append(name, value);
  const encoded = new Response(data);
  return { body: Buffer.from(await encoded.arrayBuffer()), type: encoded.headers.get('content-type')! };
}

/** The flight data's text, unescaped enough for a regex: the page's props travel in self.__next_f.push strings. */
const flight = (html: string) => html.replace(/\\"/g, '"');

function expectRedirect(answer: Answer, step: Step, to: RegExp): string {
  const location = answer.headers.location;
  if (answer.status < 300 || answer.status >= 400 || !location) {
    throw new Failed(`HTTP ${answer.status} instead of a redirect${refusal(answer.body)}`, step, answer.body);
  }
  const target = new URL(location, 'http://localhost');
  if (!to.test(target.pathname)) throw new Failed(`redirected to ${target.pathname}`, step);
  return `${target.pathname}${target.search}`;
}

function expectPage(answer: Answer, step: Step, marker: RegExp): string {
  if (answer.status !== 200) throw new Failed(`HTTP ${answer.status}`, step);
  if (!marker.test(answer.body)) throw new Failed(`unexpected page${refusal(answer.body)}`, step, answer.body);
  return answer.body;
}

/** The French sentence of a refusal shown on the page (the form's error summary), for the failure's reason. */
function refusal(html: string): string {
  const alert = /role="alert"[^>]*>([\s\S]{0,400}?)<\/(?:div|p|section)>/.exec(html)?.[1];
  return alert
    ? ` (${decode(alert.replace(/<[^>]+>/g, ' '))
        .replace(/\s+/g, ' ')
        .trim()
        .slice(0, 80)})`
    : '';
}

// ---- the démarche ----------------------------------------------------------------------------------------
export async function journey(browser: Browser, parent: Parent): Promise<void> {
  // Connexion, then the sign-in form (Auth.js's credentials through the loginAction server action)
  let page = expectPage(await browser.send('connexion', 'GET', '/connexion'), 'connexion', /name="password"/);
  const login = formFields(page, /name="password"/, 'sign-in').map(([k, v]): [string, string] =>
    k === 'email' ? [k, parent.email] : k === 'password' ? [k, DEMO_ACCOUNTS.parent.password] : [k, v],
  );
  let form = await multipart(login);
  let next = expectRedirect(
    await browser.send('sign-in', 'POST', '/connexion', { headers: { 'content-type': form.type }, body: form.body }),
    'sign-in',
    /^\/$/,
  );

  // Mon espace links the child's démarche; the parent follows it to the introduction
  page = expectPage(await browser.send('mon-espace', 'GET', next), 'mon-espace', /<h1/);
  const intro = `/demarches/reservations/mercredi/${parent.childId}`;
  if (!page.includes(`href="${intro}`)) throw new Failed(`no link to ${intro}`, 'mon-espace');
  page = expectPage(await browser.send('intro', 'GET', intro), 'intro', />Commencer</);

  // « Commencer »: the draft opens, the action's redirect leads to Étape 1
  form = await multipart(formFields(page, />Commencer</, 'commencer'));
  next = expectRedirect(
    await browser.send('commencer', 'POST', intro, { headers: { 'content-type': form.type }, body: form.body }),
    'commencer',
    /^\/demarches\/\d+\/etape-1$/,
  );
  const step1 = next.split('?')[0]!;
  const requestId = Number(step1.split('/')[2]);
  page = expectPage(await browser.send('etape-1', 'GET', next), 'etape-1', /Étape 1/);

  // the periodicity: the template form's action id and default period, as its props carry them in the flight data
  const props = flight(page);
  const from = /"defaultFrom":"(\d{4}-\d{2}-\d{2})"/.exec(props)?.[1];
  const to = /"defaultTo":"(\d{4}-\d{2}-\d{2})"/.exec(props)?.[1];
  const applyRef = /"apply":"\$h([0-9a-f]+)"/.exec(props)?.[1];
  const applyId = applyRef && new RegExp(`(?:\\\\n|")${applyRef}:\\{"id":"([0-9a-f]+)"`).exec(props)?.[1];
  if (!from || !to || !applyId) throw new Failed('no periodicity form in the flight data', 'template');
  const applied = await browser.send('template', 'POST', step1, {
    headers: { accept: 'text/x-component', 'next-action': applyId, 'content-type': 'text/plain;charset=UTF-8' },
    body: Buffer.from(JSON.stringify([{ requestId, weeks: TEMPLATE_WEEKS, from, to }])),
  });
  templateApplied(applied);

  // « Aller à l'étape 2 » (from the redrawn page: the same form in the HTML Étape 1 was served with)
  form = await multipart(formFields(page, /tape 2/, 'to-etape-2'));
  next = expectRedirect(
    await browser.send('to-etape-2', 'POST', step1, { headers: { 'content-type': form.type }, body: form.body }),
    'to-etape-2',
    /^\/demarches\/\d+\/etape-2$/,
  );
  page = expectPage(await browser.send('recap', 'GET', next), 'recap', /Étape 2/);

  // « Valider »: the request is submitted, the action's redirect leads to the confirmation
  form = await multipart(formFields(page, />Valider</, 'valider'));
  next = expectRedirect(
    await browser.send('valider', 'POST', next, { headers: { 'content-type': form.type }, body: form.body }),
    'valider',
    /^\/demarches\/\d+\/confirmation$/,
  );
  page = expectPage(await browser.send('confirmation', 'GET', next), 'confirmation', /<h1/);

  // « Se déconnecter »: the parent is done, and their slot in the waiting room goes to the next family
  form = await multipart(formFields(page, /Se déconnecter/, 'sign-out'));
  expectRedirect(
    await browser.send('sign-out', 'POST', next, { headers: { 'content-type': form.type }, body: form.body }),
    'sign-out',
    /^\/connexion$/,
  );
}

// ---- the démarche as a browser with JavaScript runs it -----------------------------------------------------
/** The server actions' ids, as the browser's bundle knows them (bench/rush.ts reads them from the build's manifest). */
export interface ActionIds {
  login: string;
  start: string;
  apply: string;
  goToRecap: string;
  submit: string;
  signOut: string;
}

/**
 * A server action called as React calls it: a POST with the Next-Action header, its arguments encoded as React's
 * encodeReply encodes them (React 19.3: a FormData argument becomes the fields `_1_<name>` and `$K1` in the arguments' list `0`).
 * `state`: the action is a useActionState one, called with its previous state first. A redirect comes back as
 * x-action-redirect with the next page's flight data in the body: the browser asks for nothing more.
 */
async function callAction(
  browser: Browser,
  step: Step,
  page: string,
  id: string,
  fields: [string, string][],
  p: { state: boolean; redirectTo: RegExp; then: Step },
): Promise<{ location: string; body: string }> {
  const data: [string, string][] = fields.map(([k, v]) => [`_1_${k}`, v]);
  data.push(['0', JSON.stringify(p.state ? [{}, '$K1'] : ['$K1'])]);
  const form = await multipart(data);
  const answer = await browser.send(step, 'POST', page, {
    headers: { accept: 'text/x-component', 'next-action': id, 'content-type': form.type },
    body: form.body,
  });
  const redirect = answer.headers['x-action-redirect'];
  // "<url>;push": Auth.js's redirect is an absolute URL, the app's a path
  const url = typeof redirect === 'string' ? new URL(redirect.split(';')[0]!, 'http://localhost') : undefined;
  const location = url ? `${url.pathname}${url.search}` : '';
  if (answer.status !== 200 || !url || !p.redirectTo.test(url.pathname)) {
    const formError = /"formError":"([^"]{0,80})/.exec(answer.body)?.[1];
    throw new Failed(
      `HTTP ${answer.status}, ${location ? `redirected to ${location}` : `no redirect${formError ? ` (${formError})` : ''}`}`,
      step,
      answer.body,
    );
  }
  // when the server could not render the next page with the action's answer, the browser loads it itself (`then`)
  if (answer.body.trim() === '') {
    return { location, body: flight(expectPage(await browser.send(p.then, 'GET', location), p.then, /<h1/)) };
  }
  return { location, body: answer.body };
}

/**
 * The periodicity's answer: its result, and Étape 1 redrawn with the days it ticked (the action's `refresh()`), which
 * the browser's router shows without asking for the page again.
 */
function templateApplied(applied: Answer): void {
  if (applied.status !== 200 || !/"ok":true/.test(applied.body)) {
    throw new Failed(`template refused (HTTP ${applied.status}: ${applied.body.slice(0, 120)})`, 'template');
  }
  if (!/Étape 1/.test(applied.body)) throw new Failed('Étape 1 not redrawn in the answer', 'template', applied.body);
}

/** A link followed in the app: the page's flight data (RSC: 1). */
async function navigate(browser: Browser, step: Step, target: string, marker: RegExp): Promise<string> {
  const answer = await browser.send(step, 'GET', `${target}${target.includes('?') ? '&' : '?'}_rsc=`, {
    headers: { rsc: '1', accept: '*/*' },
  });
  if (answer.status !== 200 || !marker.test(answer.body)) {
    throw new Failed(`HTTP ${answer.status}${answer.status === 200 ? ', unexpected page' : ''}`, step, answer.body);
  }
  return answer.body;
}

/**
 * The same démarche as `journey`, with JavaScript: Connexion is the only HTML page; Mon espace, Étape 1, the recap
 * and the confirmation come with the action that leads to them (the steps sign-in, commencer, to-etape-2 and
 * valider; mon-espace, etape-1, recap and confirmation stay empty unless the server could not carry the page);
 * the introduction is a link followed in the app.
 */
export async function journeyWithScripts(browser: Browser, parent: Parent, ids: ActionIds): Promise<void> {
  expectPage(await browser.send('connexion', 'GET', '/connexion'), 'connexion', /name="password"/);
  let answer = await callAction(
    browser,
    'sign-in',
    '/connexion',
    ids.login,
    [
      ['callbackUrl', '/'],
      ['email', parent.email],
      ['password', DEMO_ACCOUNTS.parent.password],
    ],
    { state: true, redirectTo: /^\/$/, then: 'mon-espace' },
  );
  const intro = `/demarches/reservations/mercredi/${parent.childId}`;
  if (!answer.body.includes(intro)) throw new Failed(`no link to ${intro}`, 'sign-in', answer.body);

  await navigate(browser, 'intro', intro, /Commencer/);
  answer = await callAction(
    browser,
    'commencer',
    intro,
    ids.start,
    [
      ['childId', String(parent.childId)],
      ['service', 'mercredi'],
      ['introduction', '1'],
    ],
    { state: false, redirectTo: /^\/demarches\/\d+\/etape-1$/, then: 'etape-1' },
  );
  const step1 = answer.location.split('?')[0]!;
  const requestId = Number(step1.split('/')[2]);
  const from = /"defaultFrom":"(\d{4}-\d{2}-\d{2})"/.exec(answer.body)?.[1];
  const to = /"defaultTo":"(\d{4}-\d{2}-\d{2})"/.exec(answer.body)?.[1];
  if (!from || !to) throw new Failed('no periodicity form on Étape 1', 'commencer', answer.body);

  const applied = await browser.send('template', 'POST', step1, {
    headers: { accept: 'text/x-component', 'next-action': ids.apply, 'content-type': 'text/plain;charset=UTF-8' },
    body: Buffer.from(JSON.stringify([{ requestId, weeks: TEMPLATE_WEEKS, from, to }])),
  });
  templateApplied(applied);

  // « Aller à l'étape 2 » brings the recap; « Valider » sends the version the recap was computed on
  answer = await callAction(browser, 'to-etape-2', step1, ids.goToRecap, [['requestId', String(requestId)]], {
    state: false,
    redirectTo: /^\/demarches\/\d+\/etape-2$/,
    then: 'recap',
  });
  // ValidateForm's props: the hidden fields it renders, the version among them
  const version = /"fields":\{[^}]*"version":(\d+)/.exec(answer.body)?.[1];
  if (version === undefined) throw new Failed('no version on the recap', 'to-etape-2', answer.body);
  await callAction(
    browser,
    'valider',
    answer.location,
    ids.submit,
    [
      ['requestId', String(requestId)],
      ['version', version],
    ],
    { state: true, redirectTo: /^\/demarches\/\d+\/confirmation$/, then: 'confirmation' },
  );
  // « Se déconnecter »: the parent is done, and their slot in the waiting room goes to the next family. Connexion,
  // where its redirect leads, is not followed: this parent has nothing more to do.
  // the header's form has no field: React sends its FormData as the only argument
  const signOutForm = await multipart([['0', JSON.stringify(['$K1'])]]);
  const signedOut = await browser.send('sign-out', 'POST', '/', {
    headers: { accept: 'text/x-component', 'next-action': ids.signOut, 'content-type': signOutForm.type },
    body: signOutForm.body,
  });
  const leadsTo = String(signedOut.headers['x-action-redirect'] ?? '');
  if (signedOut.status !== 200 || !/\/connexion/.test(leadsTo)) {
    throw new Failed(`HTTP ${signedOut.status}, redirected to « ${leadsTo} »`, 'sign-out', signedOut.body);
  }
}
