/**
 * Malformed input against the production build: a few hundred seeded payloads (wrong types, huge sizes within the
 * body limit, control and invisible characters, prototype keys, numbers out of range, NaN/Infinity, truncated
 * bodies, wrong content types) sent to every Astro Action (JSON and form-encoded, signed out and signed in as the
 * demo producer) and every API route. Asserts no status 500+, no internals in any body, and that what a user can see
 * of the database (stock, the producer's bookings and order parts, the published fairs) is the same afterwards.
 * better-auth's own endpoints under /api/auth get the same treatment (signed out; none may create an account).
 * Prints the request count and a status histogram once at the end.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { expect, test, type APIRequestContext, type APIResponse } from '@playwright/test';

const PRODUCER = { email: 'producer@example.com', password: 'ocop-producer-demo' };
const PRODUCTS = ['keo-dua-gung-ben-tre', 'muoi-hat-bac-lieu', 'keo-dua-ca-cao-ben-tre'];
const UUID = '3f2b8c1e-9d4a-4c7b-8e21-5a6f0b9c7d13';
/** Payloads per action and encoding; the whole run stays a few hundred requests. */
const PER_ACTION = 4;

/** Every action in src/actions/index.ts with its encoding, its fields, and whether it acts for a signed-in user. */
const ACTIONS: Record<string, { accept: 'json' | 'form'; fields: string[]; signedIn?: boolean }> = {
  'accounts.signUp': { accept: 'form', fields: ['name', 'email', 'password', 'next'] },
  'accounts.signIn': { accept: 'form', fields: ['email', 'password', 'next'] },
  // Signing out changes nothing for a visitor; the signed-in round skips it (it would end the session).
  'accounts.signOut': { accept: 'form', fields: ['next'] },
  'accounts.requestPasswordReset': { accept: 'form', fields: ['email'] },
  'accounts.resetPassword': { accept: 'form', fields: ['token', 'password', 'confirm'] },
  'accounts.assignRole': {
    accept: 'form',
    fields: ['userId', 'role', 'producerId', 'provinceId'],
    signedIn: true,
  },
  'catalog.recordNationalResult': {
    accept: 'form',
    fields: ['productId', 'outcome', 'decidedOn', 'decisionNumber', 'score', 'level', 'reason'],
    signedIn: true,
  },
  'checkout.quote': { accept: 'json', fields: ['lines'] },
  'checkout.availability': { accept: 'json', fields: ['productIds'] },
  'checkout.placeOrder': {
    accept: 'json',
    fields: ['attemptId', 'lines', 'contact', 'address', 'payment', 'locale', 'note'],
    signedIn: true,
  },
  'orders.lookup': { accept: 'form', fields: ['number', 'email'] },
  'mail.retry': { accept: 'form', fields: ['messageId'], signedIn: true },
  'orders.movePart': {
    accept: 'form',
    fields: ['partId', 'to', 'carrier', 'trackingNumber', 'reason'],
    signedIn: true,
  },
  'fairs.saveFair': {
    accept: 'form',
    fields: ['fairId', 'name', 'startsOn', 'hallWidth', 'tierFrom'],
    signedIn: true,
  },
  'fairs.setFairStatus': { accept: 'form', fields: ['fairId', 'status'], signedIn: true },
  'fairs.duplicateFair': { accept: 'form', fields: ['fairId'], signedIn: true },
  'fairs.saveFloorPlan': {
    accept: 'form',
    fields: ['fairId', 'code', 'x', 'y', 'width', 'depth'],
    signedIn: true,
  },
  'fairs.savePolicy': { accept: 'form', fields: ['programmeId', 'name', 'budget'], signedIn: true },
  'fairs.holdBooth': { accept: 'form', fields: ['fairId', 'boothId', 'producerId'], signedIn: true },
  'fairs.submitBooking': { accept: 'form', fields: ['bookingId'], signedIn: true },
  'fairs.cancelBooking': { accept: 'form', fields: ['bookingId'], signedIn: true },
  'fairs.payBooking': { accept: 'form', fields: ['bookingId'], signedIn: true },
  'fairs.decideApplication': { accept: 'form', fields: ['bookingId', 'decision', 'note'], signedIn: true },
  'fairs.recordTransfer': { accept: 'form', fields: ['bookingId', 'reference'], signedIn: true },
  'fairs.recordInvoice': {
    accept: 'form',
    fields: ['bookingId', 'invoiceNumber', 'invoiceDate'],
    signedIn: true,
  },
  'fairs.recordAttendance': { accept: 'form', fields: ['bookingId', 'attendance'], signedIn: true },
  'portal.saveListing': {
    accept: 'form',
    fields: ['listingId', 'version', 'slug', 'name.vi', 'price', 'stock', 'certification.stars', 'photos'],
    signedIn: true,
  },
  'portal.moveListing': {
    accept: 'form',
    fields: ['listingId', 'version', 'move', 'reason'],
    signedIn: true,
  },
  'portal.reviewListing': {
    accept: 'form',
    fields: ['listingId', 'version', 'decision', 'reason'],
    signedIn: true,
  },
  'portal.setPriceStock': { accept: 'form', fields: ['listingId', 'price', 'stock'], signedIn: true },
};

/** Hostile text values (none is a valid email, id or enum value, so nothing can be written). */
const TEXTS = [
  '',
  ' ',
  '\u0000',
  `${UUID}\u0000`,
  'a\u0007b',
  '\u200b',
  `\u202e${UUID}`,
  '0x10',
  '1e3',
  ' 16',
  '16abc',
  '-1',
  '1.5',
  'NaN',
  'Infinity',
  '-Infinity',
  '9'.repeat(400),
  'x'.repeat(200_000),
  '__proto__',
  'constructor',
  'prototype',
  "' OR 1=1 --",
  '../../etc/passwd',
  '%00',
  '🐉'.repeat(50),
  '{"a":',
];
/** Hostile JSON values, written as JSON text so prototype keys stay keys. */
const JSON_VALUES = [
  'null',
  'true',
  '0',
  '-1',
  '1e308',
  '9007199254740993',
  '[]',
  '{}',
  '{"__proto__":{"polluted":true}}',
  '{"constructor":{"prototype":{"polluted":true}}}',
  '[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]',
  '[{"productId":"\\u0000","quantity":1}]',
  '[{"productId":"keo-dua-gung-ben-tre","quantity":1e308}]',
  '[{"productId":"keo-dua-gung-ben-tre","quantity":"NaN"}]',
  ...TEXTS.slice(0, 17).map((text) => JSON.stringify(text)),
];
/** Bodies no action can read, with the content type they claim. */
const BROKEN_BODIES: { type: string | null; body: string }[] = [
  { type: 'application/json', body: '{"lines":[{"productId":"keo-dua' },
  { type: 'application/json', body: '{"a":1' },
  { type: 'application/json', body: "{'a':1}" },
  { type: 'application/json', body: '\u0000' },
  { type: 'application/json; charset=utf-8', body: '[' },
  {
    type: 'multipart/form-data; boundary=zz',
    body: '--zz\r\nContent-Disposition: form-data; name="a"\r\n\r\nabc',
  },
  { type: 'multipart/form-data', body: 'no boundary' },
  { type: 'application/x-www-form-urlencoded', body: 'bookingId=%00&fairId=%E2%80%AE' },
  { type: 'text/plain', body: 'hello' },
  { type: 'application/xml', body: '<a/>' },
  { type: 'application/octet-stream', body: '\u0000\u0001\u0002' },
  { type: null, body: '' },
];
/** Text that must never reach anyone: stack frames, source paths, installed packages. */
const INTERNALS = [/\n\s+at /, /\bat [\w$.<>]+ \(/, /\/src\//, /node_modules/];
/**
 * And in error answers, no error names, SQL or driver text either (catalogue text in a 200 search result may say
 * "relation" or "update", so these are checked on refusals and failures only).
 */
const ERROR_INTERNALS = [
  /Error:/,
  /\bSELECT\b|\bINSERT\b|\bUPDATE\b|\bDELETE FROM\b/,
  /\brelation\b/,
  /violates/,
  /syntax error/i,
  /invalid byte sequence/i,
  /drizzle|pglite|postgres/i,
];

/** mulberry32: a small seeded generator, so every run sends the same payloads. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const random = seeded(20_261_121);
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
const statuses = new Map<number, number>();
let requests = 0;

/** Records the answer and checks it: under 500, and nothing of our internals in the body. */
async function checked(what: string, send: () => Promise<APIResponse>): Promise<void> {
  const response = await send();
  requests++;
  statuses.set(response.status(), (statuses.get(response.status()) ?? 0) + 1);
  const body = await response.text();
  expect(response.status(), `${what} → ${body.slice(0, 300)}`).toBeLessThan(500);
  const patterns = response.status() >= 400 ? [...INTERNALS, ...ERROR_INTERNALS] : INTERNALS;
  for (const pattern of patterns) expect(body, `${what}: ${pattern}`).not.toMatch(pattern);
}

/** A JSON body giving each field a hostile value (some payloads add a prototype key or drop the fields). */
function jsonPayload(fields: string[]): string {
  const shape = pick(['fields', 'fields', 'fields', 'proto', 'scalar']);
  if (shape === 'scalar') return pick(JSON_VALUES);
  const entries = fields.map((field) => `${JSON.stringify(field)}:${pick(JSON_VALUES)}`);
  if (shape === 'proto')
    entries.unshift('"__proto__":{"isAdmin":true}', '"constructor":{"prototype":{"x":1}}');
  return `{${entries.join(',')}}`;
}

/** A form body giving each field a hostile value (repeated fields, and a prototype key now and then). */
function formPayload(fields: string[]): string {
  const form = new URLSearchParams();
  for (const field of fields) {
    form.append(field, pick(TEXTS));
    if (random() < 0.2) form.append(field, pick(TEXTS));
  }
  if (random() < 0.3) form.append('__proto__[isAdmin]', 'true');
  return form.toString();
}

async function fuzzActions(api: APIRequestContext, origin: string, signedIn: boolean): Promise<void> {
  for (const [name, action] of Object.entries(ACTIONS)) {
    if (signedIn && (!action.signedIn || name === 'accounts.signOut')) continue;
    for (let i = 0; i < PER_ACTION; i++) {
      for (const [type, data] of [
        ['application/json', jsonPayload(action.fields)],
        ['application/x-www-form-urlencoded', formPayload(action.fields)],
      ] as const) {
        await checked(`${name} ${type} #${i}`, () =>
          api.post(`/_actions/${name}`, { headers: { Origin: origin, 'Content-Type': type }, data }),
        );
      }
    }
  }
}

async function fuzzBrokenBodies(api: APIRequestContext, origin: string): Promise<void> {
  const names = [
    'checkout.placeOrder',
    'checkout.quote',
    'fairs.holdBooth',
    'orders.movePart',
    'accounts.signIn',
  ];
  for (const name of [...names, 'nope', 'fairs', 'checkout.__proto__', 'fairs.constructor']) {
    for (const { type, body } of BROKEN_BODIES) {
      const headers: Record<string, string> = { Origin: origin };
      if (type) headers['Content-Type'] = type;
      await checked(`${name} ${type} ${JSON.stringify(body.slice(0, 20))}`, () =>
        api.post(`/_actions/${name}`, type ? { headers, data: body } : { headers }),
      );
    }
  }
}

/** The GET routes by id and the API; `reportsOnly` for the signed-in round (the others do not read the user). */
async function fuzzRoutes(
  api: APIRequestContext,
  fairSlug: string | null,
  reportsOnly = false,
): Promise<void> {
  const short = TEXTS.filter((text) => text.length < 500);
  const ids = [...short, UUID, fairSlug ?? 'hoi-cho'];
  for (const id of ids) {
    const segment = encodeURIComponent(id) || '%20';
    if (!reportsOnly)
      await checked(`states.json ${JSON.stringify(id)}`, () => api.get(`/en/fairs/${segment}/states.json`));
    await checked(`fair csv ${JSON.stringify(id)}`, () =>
      api.get(`/en/promoter/trade-fairs/${segment}/report.csv?settlement=${encodeURIComponent(pick(short))}`),
    );
    await checked(`policy csv ${JSON.stringify(id)}`, () =>
      api.get(`/promoter/trade-fairs/policies/${segment}/report.csv`),
    );
  }
  for (const id of short.slice(0, 12)) {
    const segment = encodeURIComponent(id) || '%20';
    const query = encodeURIComponent(pick(short));
    for (const path of [
      `/en/fairs/bookings/${segment}`,
      `/fairs/${segment}`,
      `/en/promoter/trade-fairs/${segment}/plan`,
      `/en/orders/${segment}?key=${query}`,
      `/checkout?cancelled=${segment}&key=${query}`,
      `/photos/${segment}/w480.webp`,
      `/photos/${UUID}/${segment}`,
    ])
      await checked(`page ${path}`, () => api.get(path, { maxRedirects: 0 }));
  }
  if (reportsOnly) return;
  for (let i = 0; i < 24; i++) {
    const params = new URLSearchParams();
    for (const key of ['q', 'view', 'lang', 'page', 'stars', 'province', 'sort', 'minPrice', '__proto__'])
      if (random() < 0.5) params.append(key, pick(TEXTS).slice(0, 2_000));
    await checked(`search ${params.toString().slice(0, 60)}`, () =>
      api.get(`/api/search?${params.toString()}`),
    );
  }
  for (let i = 0; i < 12; i++) {
    const signature = pick(['', 't=1,v1=0', 't=NaN,v1=\u0000', pick(TEXTS).slice(0, 200)]);
    const type = pick(['application/json', 'text/plain', 'application/x-www-form-urlencoded']);
    await checked(`webhook #${i}`, () =>
      api.post('/api/stripe/webhook', {
        headers: { 'Content-Type': type, 'Stripe-Signature': signature.replace(/[^\x20-\x7e]/g, '?') },
        data: pick([...JSON_VALUES, BROKEN_BODIES[0]!.body]),
      }),
    );
  }
}

/** better-auth's HTTP endpoints: each gets hostile JSON and unreadable bodies; none may answer a sign-up with success. */
const AUTH_ENDPOINTS: Record<string, string[]> = {
  'sign-up/email': ['name', 'email', 'password'],
  'sign-in/email': ['email', 'password', 'rememberMe'],
  'request-password-reset': ['email', 'redirectTo'],
  'reset-password': ['newPassword', 'token'],
  'change-password': ['currentPassword', 'newPassword'],
  'update-user': ['name', 'image'],
  'verify-email': ['token'],
  'get-session': [],
};

async function fuzzAuth(api: APIRequestContext, origin: string): Promise<void> {
  for (const [endpoint, fields] of Object.entries(AUTH_ENDPOINTS)) {
    for (let i = 0; i < PER_ACTION; i++) {
      const data = jsonPayload(fields);
      const response = await api.post(`/api/auth/${endpoint}`, {
        headers: { Origin: origin, 'Content-Type': 'application/json' },
        data,
      });
      await checked(`auth ${endpoint} #${i}`, async () => response);
      if (endpoint === 'sign-up/email') expect(response.status(), data.slice(0, 200)).not.toBe(200);
    }
    for (const { type, body } of BROKEN_BODIES.slice(0, 6)) {
      await checked(`auth ${endpoint} ${type}`, () =>
        api.post(`/api/auth/${endpoint}`, {
          headers: { Origin: origin, ...(type ? { 'Content-Type': type } : {}) },
          data: body,
        }),
      );
    }
    await checked(`auth ${endpoint} GET`, () =>
      api.get(`/api/auth/${endpoint}?token=%00&callbackURL=javascript:1`),
    );
  }
}

/** What a user can see of the database: stock and prices, the producer's bookings and order parts, the fairs. */
async function visibleState(visitor: APIRequestContext, producer: APIRequestContext) {
  const availability = await visitor.post('/_actions/checkout.availability', {
    data: { productIds: PRODUCTS },
  });
  expect(availability.status()).toBe(200);
  const bookings = await (await producer.get('/en/fairs/bookings')).text();
  const parts = await (await producer.get('/en/producer/orders?show=all')).text();
  const fairs = await (await visitor.get('/en/fairs')).text();
  return {
    stock: await availability.text(),
    bookings: [...bookings.matchAll(/\/fairs\/bookings\/([0-9a-f-]{36})/g)].map((m) => m[1]).sort(),
    parts: [...parts.matchAll(/name="partId" value="(\d+)"/g)].map((m) => m[1]).sort(),
    fairs: [...fairs.matchAll(/href="\/en\/fairs\/([a-z0-9-]+)"/g)].map((m) => m[1]).sort(),
  };
}

test('malformed input never gets a 500, internals or a change in the data', async ({
  playwright,
  baseURL,
}) => {
  test.setTimeout(180_000);
  const origin = baseURL!;
  // Every action of src/actions/*.ts is in the table above, so a new action cannot escape the fuzzing.
  const rooms = readdirSync('src/actions')
    .filter((file) => file.endsWith('.ts') && file !== 'index.ts')
    .map((file) => file.slice(0, -'.ts'.length));
  const declared = rooms.flatMap((room) =>
    [...readFileSync(`src/actions/${room}.ts`, 'utf8').matchAll(/^ {2}(\w+): defineAction\(/gm)].map(
      (m) => `${room}.${m[1]}`,
    ),
  );
  expect(declared.sort()).toEqual(Object.keys(ACTIONS).sort());

  const visitor = await playwright.request.newContext({ baseURL });
  const producer = await playwright.request.newContext({ baseURL });
  const signIn = await producer.post('/en/sign-in?_action=accounts.signIn', {
    headers: { Origin: origin },
    form: PRODUCER,
    maxRedirects: 0,
  });
  expect(signIn.status()).toBe(303);
  const before = await visibleState(visitor, producer);
  expect(before.stock).toContain(PRODUCTS[0]);
  expect((await producer.get('/en/fairs/bookings')).status()).toBe(200);

  await fuzzActions(visitor, origin, false);
  await fuzzActions(producer, origin, true);
  await fuzzBrokenBodies(visitor, origin);
  await fuzzRoutes(visitor, before.fairs[0] ?? null);
  await fuzzRoutes(producer, before.fairs[0] ?? null, true);
  await fuzzAuth(visitor, origin);

  expect(await visibleState(visitor, producer)).toEqual(before);
  const histogram = Object.fromEntries([...statuses].sort(([a], [b]) => a - b));
  console.log(`fuzz: ${requests} requests, statuses ${JSON.stringify(histogram)}`);
  expect(requests).toBeGreaterThan(300);
  await visitor.dispose();
  await producer.dispose();
});
