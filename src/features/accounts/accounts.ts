/**
 * Accounts: roles, the form schemas and every permission rule, in one pure module (no I/O, no astro:*).
 * `can(user, action, resource)` is the single place that decides who may do what; pages, actions and later
 * features (orders, fairs, subsidies) call it on the server for every request.
 */
import { z } from 'zod';
import { emailSchema } from '~/lib/email';
import { accountIdField, optionalSlugField } from '~/lib/ids';
import { LOCALES } from '~/lib/i18n/locales';

export const ROLES = ['shopper', 'producer', 'promoter', 'admin'] as const;
export const roleSchema = z.enum(ROLES, { error: 'roleUnknown' });
export type Role = z.infer<typeof roleSchema>;

/** The signed-in person as permission rules see them: role plus its scope (producer or province). */
export interface Actor {
  id: string;
  role: Role;
  /** Catalogue producer id; set exactly when role = producer. */
  producerId: string | null;
  /** Catalogue province id; set exactly when role = promoter. */
  provinceId: string | null;
}

/** Something a producer owns (a product, an order's part, a booth application). */
export interface ProducerOwned {
  producerId: string;
}
/** Something that belongs to a province (a listing, a fair, a subsidy policy, a report). */
export interface InProvince {
  provinceId: string;
}

/**
 * Every action with the resource it acts on. Later features add their actions here, each with one rule in `can`.
 * `null` = the action concerns no particular resource (opening a console).
 */
export interface ActionResources {
  /** See one's own account page and order history. */
  'account.view': null;
  /** Read an order placed by `customerId`. */
  'order.viewOwn': { customerId: string };
  /** Open the producer dashboard. */
  'producer.dashboard': null;
  /** Edit a product's listing (photos, price, stock, story). */
  'product.edit': ProducerOwned;
  /** See and move the producer's part of an order (processing, shipped, delivered, cancelled). */
  'order.fulfil': ProducerOwned;
  /** Apply for, pay and cancel a booth at a fair. */
  'booth.apply': ProducerOwned;
  /** Open the promoter console. */
  'promoter.console': null;
  /** Verify a certification and publish a listing. */
  'listing.verify': InProvince;
  /** Send one's own listing for moderation, withdraw it, accept or decline a promoter's draft of it. */
  'listing.submit': ProducerOwned;
  /** Approve or reject a listing submitted by a producer of the province (the listing's province is its producer's). */
  'listing.moderate': InProvince;
  /** Draft a listing on behalf of a producer of the province; it goes live once the producer accepts it. */
  'listing.delegate': InProvince;
  /** Read a listing's moderation log: its producer and the promoters of the producer's province. */
  'listing.history': ProducerOwned & InProvince;
  /** Create, edit, publish fairs and their floor plans; book a booth on a producer's behalf. */
  'fair.organise': InProvince;
  /** Approve or refuse booth applications. */
  'booth.approve': InProvince;
  /** Set subsidy policies and budgets. */
  'subsidy.setPolicy': InProvince;
  /** Read spending reports and settlements. */
  'report.view': InProvince;
  /** Open the admin page and list accounts. */
  'admin.console': null;
  /** Send again a message that failed for good (after the address or the mail server was fixed). */
  'mail.retry': null;
  /** Change someone's role, producer link or promoter province. */
  'user.setRole': { userId: string };
}
export type Action = keyof ActionResources;

/** Whether `user` (null when signed out) may do `action` on `resource`. Deny unless a rule allows. */
export function can<A extends Action>(user: Actor | null, action: A, resource: ActionResources[A]): boolean {
  if (!user) return false;
  // Widened once so each case can read its own resource shape.
  const r = resource as ActionResources[Action];
  switch (action) {
    case 'account.view':
      return true;
    case 'order.viewOwn':
      return (r as ActionResources['order.viewOwn']).customerId === user.id;
    case 'producer.dashboard':
      return isProducer(user);
    case 'product.edit':
    case 'listing.submit':
    case 'order.fulfil':
    case 'booth.apply':
      // A producer acts only for the one producer it is linked to.
      return isProducer(user) && (r as ProducerOwned).producerId === user.producerId;
    case 'promoter.console':
      return isPromoter(user);
    case 'listing.verify':
    case 'listing.moderate':
    case 'listing.delegate':
    case 'fair.organise':
    case 'booth.approve':
    case 'subsidy.setPolicy':
    case 'report.view':
      // A promoter acts only in its own province; admins manage people, not provincial money.
      return isPromoter(user) && (r as InProvince).provinceId === user.provinceId;
    case 'listing.history': {
      // Both sides of a moderation decision see it; nobody else does.
      const listing = r as ActionResources['listing.history'];
      return can(user, 'listing.submit', listing) || can(user, 'listing.moderate', listing);
    }
    case 'admin.console':
    case 'mail.retry':
      return user.role === 'admin';
    case 'user.setRole':
      // No admin can demote itself, so the site never loses its last admin by accident.
      return user.role === 'admin' && (r as ActionResources['user.setRole']).userId !== user.id;
    default:
      return false;
  }
}

function isProducer(user: Actor): user is Actor & { producerId: string } {
  return user.role === 'producer' && user.producerId !== null;
}
function isPromoter(user: Actor): user is Actor & { provinceId: string } {
  return user.role === 'promoter' && user.provinceId !== null;
}

/** The consoles a user can reach, for the header and the account page. */
export function reachableConsoles(user: Actor | null): ('producer' | 'promoter' | 'admin')[] {
  const consoles: ('producer' | 'promoter' | 'admin')[] = [];
  if (can(user, 'producer.dashboard', null)) consoles.push('producer');
  if (can(user, 'promoter.console', null)) consoles.push('promoter');
  if (can(user, 'admin.console', null)) consoles.push('admin');
  return consoles;
}

// Form schemas. Error messages are keys of ./messages.ts so pages show them in the visitor's language.

/** The longest name an account may have. */
export const NAME_MAX = 100;

export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 128;
const newPassword = z
  .string({ error: 'passwordRequired' })
  .min(PASSWORD_MIN, { error: 'passwordTooShort' })
  .max(PASSWORD_MAX, { error: 'passwordTooLong' });

/** A path on this site to return to after signing in; anything else (other sites, //host) is dropped. */
export function safeNextPath(next: string | null | undefined): string | undefined {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return undefined;
  // eslint-disable-next-line no-control-regex -- refusing control characters is the point of this check
  if (next.length > 512 || /[\u0000-\u001f]/.test(next)) return undefined;
  return next;
}
// The outer optional() matters: Astro's form parsing maps a missing field to undefined only for optional fields.
const nextPath = z
  .string()
  .optional()
  .transform((v) => safeNextPath(v))
  .optional();

export const signUpSchema = z.object({
  name: z
    .string({ error: 'nameRequired' })
    .trim()
    .min(1, { error: 'nameRequired' })
    .max(NAME_MAX, { error: 'nameTooLong' }),
  email: emailSchema,
  password: newPassword,
  next: nextPath,
  /** The language of the page signed up on (the form sends it); messages to the account are written in it. */
  locale: z.enum(LOCALES).optional(),
});
export type SignUpInput = z.infer<typeof signUpSchema>;

export const signInSchema = z.object({
  email: emailSchema,
  // Any length is checked against the hash; only absurd sizes are refused before hashing.
  password: z
    .string({ error: 'passwordRequired' })
    .min(1, { error: 'passwordRequired' })
    .max(PASSWORD_MAX, { error: 'passwordTooLong' }),
  next: nextPath,
});
export type SignInInput = z.infer<typeof signInSchema>;

export const passwordResetRequestSchema = z.object({ email: emailSchema });
export type PasswordResetRequest = z.infer<typeof passwordResetRequestSchema>;

export const passwordResetSchema = z
  .object({
    token: z
      .string({ error: 'tokenInvalid' })
      .trim()
      .min(1, { error: 'tokenInvalid' })
      .max(256, { error: 'tokenInvalid' }),
    password: newPassword,
    confirm: z.string({ error: 'passwordRequired' }),
  })
  .refine((v) => v.password === v.confirm, { path: ['confirm'], error: 'passwordsDiffer' });
export type PasswordReset = z.infer<typeof passwordResetSchema>;

// Catalogue ids are slugs and account ids better-auth's, parsed strictly (src/lib/ids.ts) before any look-up.
const optionalId = optionalSlugField('idUnknown').optional();

/** An admin's role change: a producer needs its producer, a promoter its province; other roles take neither. */
export const roleAssignmentSchema = z
  .object({
    userId: accountIdField('userRequired'),
    role: roleSchema,
    producerId: optionalId,
    provinceId: optionalId,
  })
  .superRefine((v, ctx) => {
    if (v.role === 'producer' && !v.producerId)
      ctx.addIssue({ code: 'custom', path: ['producerId'], message: 'producerRequired' });
    if (v.role === 'promoter' && !v.provinceId)
      ctx.addIssue({ code: 'custom', path: ['provinceId'], message: 'provinceRequired' });
  })
  .transform((v) => ({
    userId: v.userId,
    role: v.role,
    // Scope that does not belong to the role is dropped, so the stored row always satisfies the CHECKs.
    producerId: v.role === 'producer' ? (v.producerId ?? null) : null,
    provinceId: v.role === 'promoter' ? (v.provinceId ?? null) : null,
  }));
export type RoleAssignment = z.infer<typeof roleAssignmentSchema>;

// Throttles: one rule for everything the site limits. Each throttle counts the attempts of one key (an email, a client
// address) in a window that opens with the key's first attempt; the attempt that takes the count past the limit,
// and every one after it until the window closes, is refused with the seconds left. The counter itself is one
// atomic statement in the database (./throttle.server.ts), so a burst of parallel attempts cannot slip past it.

/** How many attempts one key may make within `windowSeconds` of its first. */
export interface ThrottleLimit {
  limit: number;
  windowSeconds: number;
}

/**
 * The limits. Sign-in counts failures (an attempt is counted before the password is checked and given back when
 * it was right), so a shopper who mistypes a few times is never locked out. Addresses get generous limits: many
 * shoppers share one public address behind an office router or a mobile carrier's NAT.
 */
export const THROTTLES = {
  /** Wrong passwords for one email: the 11th within a minute is refused, even with the right password. */
  signInAccount: { limit: 10, windowSeconds: 60 },
  /** Wrong passwords from one address across emails (password spraying). */
  signInAddress: { limit: 30, windowSeconds: 60 },
  /** Reset links mailed to one email per hour: enough to retry a lost mail, not enough to flood an inbox. */
  resetEmail: { limit: 5, windowSeconds: 60 * 60 },
  /** Reset requests from one address per hour, across emails. */
  resetAddress: { limit: 20, windowSeconds: 60 * 60 },
  /**
   * Orders placed from one address per 10 minutes. Each order holds stock (a card order until it is paid or
   * lapses) and a card order opens a payment session, so a script placing orders would empty the shelves; a real
   * shopper places one or two, retrying a declined card a few times.
   */
  checkoutAddress: { limit: 20, windowSeconds: 10 * 60 },
} as const satisfies Record<string, ThrottleLimit>;
export type ThrottleName = keyof typeof THROTTLES;
export type ThrottleLimits = Record<ThrottleName, ThrottleLimit>;

/** A stored counter: the attempts counted since its window opened. */
export interface ThrottleCount {
  count: number;
  windowStart: Date;
}

/** An attempt may go ahead, or must wait `retryAfter` whole seconds (at least 1). */
export type ThrottleVerdict = { allowed: true } | { allowed: false; retryAfter: number };

/** The instant before which a counter's window has closed: a counter that opened earlier starts over. */
export function throttleWindowCutoff(rule: ThrottleLimit, now: Date): Date {
  return new Date(now.getTime() - rule.windowSeconds * 1000);
}

/** Whether the attempt that brought the counter to `counted.count` may go ahead, and if not, how long to wait. */
export function throttleVerdict(counted: ThrottleCount, rule: ThrottleLimit, now: Date): ThrottleVerdict {
  if (counted.count <= rule.limit) return { allowed: true };
  const closes = counted.windowStart.getTime() + rule.windowSeconds * 1000;
  return { allowed: false, retryAfter: Math.max(1, Math.ceil((closes - now.getTime()) / 1000)) };
}

/** Several throttles on one attempt: refused when any refuses, for the longest wait among them. */
export function combinedVerdict(verdicts: readonly ThrottleVerdict[]): ThrottleVerdict {
  let wait = 0;
  for (const verdict of verdicts) if (!verdict.allowed) wait = Math.max(wait, verdict.retryAfter);
  return wait > 0 ? { allowed: false, retryAfter: wait } : { allowed: true };
}

/** How a wait reads in a message: whole seconds under two minutes, else minutes rounded up. */
export function retryWait(seconds: number): { unit: 'seconds' | 'minutes'; n: number } {
  const whole = Math.max(1, Math.ceil(seconds));
  return whole < 120 ? { unit: 'seconds', n: whole } : { unit: 'minutes', n: Math.ceil(whole / 60) };
}

/**
 * The key an email's sign-in failures and reset requests are counted under, whether or not an account has it. It is
 * taken before the email is checked, so it must be storable whatever was posted: NUL characters (which PostgreSQL
 * text cannot hold) are dropped and the length kept to an email's longest.
 */
export const THROTTLE_KEY_MAX = 320;

export function accountThrottleKey(email: string): string {
  return email.replaceAll('\u0000', '').trim().toLowerCase().slice(0, THROTTLE_KEY_MAX);
}

/** Why a request may not proceed: nobody is signed in (send them to sign in) or the rules refuse (403). */
export type Denial = 'signed-out' | 'forbidden';

/** `can` for a request: null when allowed, otherwise why not. */
export function denial<A extends Action>(
  user: Actor | null,
  action: A,
  resource: ActionResources[A],
): Denial | null {
  if (!user) return 'signed-out';
  return can(user, action, resource) ? null : 'forbidden';
}

/** The slice of the catalogue the rules need: who makes a product and where a producer is. */
export interface CatalogueIndex {
  /** producer id → its province id */
  producers: ReadonlyMap<string, { provinceId: string }>;
  /** product id → its producer id */
  products: ReadonlyMap<string, { producerId: string }>;
  provinces: ReadonlySet<string>;
}

/** A product as a permission resource (its producer and province), or null for an unknown product id. */
export function productResource(
  catalogue: CatalogueIndex,
  productId: string,
): { producerId: string; provinceId: string } | null {
  const product = catalogue.products.get(productId);
  const producer = product && catalogue.producers.get(product.producerId);
  if (!product || !producer) return null;
  return { producerId: product.producerId, provinceId: producer.provinceId };
}

/** Field problems of a role assignment against the catalogue (unknown producer or province). */
export function roleAssignmentProblems(
  assignment: RoleAssignment,
  catalogue: CatalogueIndex,
): Partial<Record<'producerId' | 'provinceId', string>> {
  const problems: Partial<Record<'producerId' | 'provinceId', string>> = {};
  if (assignment.producerId !== null && !catalogue.producers.has(assignment.producerId))
    problems.producerId = 'producerUnknown';
  if (assignment.provinceId !== null && !catalogue.provinces.has(assignment.provinceId))
    problems.provinceId = 'provinceUnknown';
  return problems;
}
