/**
 * Moderation of listings by the producer's province, as a pure state machine. A listing's `state` is the state of
 * its latest version; `live` says whether an approved version is on sale (a change to a live listing is moderated
 * while the approved version stays on sale). Who may make each move is decided by `can()` in accounts.ts.
 * A producer never publishes by itself: the only producer move that reaches `published` is accepting a draft a
 * promoter wrote, and every edit other than price and stock leaves a draft that a promoter must approve.
 * Refusals are keys of ./messages.ts.
 */
import { denial, type Actor } from '../accounts/accounts.ts';
import type { PortalMessageKey } from './messages.ts';

export const LISTING_STATES = [
  'draft',
  'pending',
  'published',
  'rejected',
  'withdrawn',
  'awaiting-producer',
] as const;
export type ListingState = (typeof LISTING_STATES)[number];

export interface ListingStatus {
  state: ListingState;
  /** An approved version is on sale. */
  live: boolean;
}

/** Whose listing it is: the producer, and the province of that producer (whose promoters moderate it). */
export interface ListingScope {
  producerId: string;
  provinceId: string;
}

/** The longest rejection or decline reason, in characters. */
export const REASON_MAX = 1000;

export type Move =
  | { kind: 'submit' }
  | { kind: 'withdraw' }
  | { kind: 'unpublish' }
  | { kind: 'approve' }
  | { kind: 'reject'; reason: string }
  | { kind: 'accept' }
  | { kind: 'decline'; reason?: string | null };
export type MoveKind = Move['kind'];

export type Refusal =
  | 'signed-out'
  | 'forbidden'
  | 'wrong-state'
  | 'not-live'
  | 'reason-required'
  | 'reason-too-long'
  | 'pending-locked'
  | 'promoter-own-drafts';

/** The message key of a refusal (every refusal has one: the type checks it). */
export function refusalKey(refusal: Refusal): PortalMessageKey {
  return `refusal.${refusal}`;
}

/** The message key of a state, for badges and the log. */
export function stateKey(state: ListingState): PortalMessageKey {
  return `state.${state}`;
}

export type MoveResult = { ok: true; status: ListingStatus } | { ok: false; refusal: Refusal };

interface MoveRule {
  /** The side that makes the move: the producer (listing.submit) or a promoter of its province (listing.moderate). */
  side: 'producer' | 'promoter';
  from: readonly ListingState[];
  to: (status: ListingStatus) => ListingStatus;
}

/** Every move: who makes it, from which states, and where it leads. */
export const MOVES: Readonly<Record<MoveKind, MoveRule>> = {
  submit: {
    side: 'producer',
    from: ['draft', 'rejected', 'withdrawn'],
    to: (s) => ({ state: 'pending', live: s.live }),
  },
  // Withdrawing a change to a live listing drops the change; the approved version stays on sale.
  withdraw: {
    side: 'producer',
    from: ['pending'],
    to: (s) => (s.live ? { state: 'published', live: true } : { state: 'withdrawn', live: false }),
  },
  unpublish: {
    side: 'producer',
    from: ['published', 'draft', 'pending', 'rejected'],
    to: () => ({ state: 'withdrawn', live: false }),
  },
  approve: { side: 'promoter', from: ['pending'], to: () => ({ state: 'published', live: true }) },
  reject: { side: 'promoter', from: ['pending'], to: (s) => ({ state: 'rejected', live: s.live }) },
  // A promoter's draft: the promoter checked the certificate, the producer's acceptance puts it on sale.
  accept: { side: 'producer', from: ['awaiting-producer'], to: () => ({ state: 'published', live: true }) },
  decline: { side: 'producer', from: ['awaiting-producer'], to: () => ({ state: 'withdrawn', live: false }) },
};

function sideDenial(actor: Actor | null, side: 'producer' | 'promoter', scope: ListingScope) {
  return side === 'producer'
    ? denial(actor, 'listing.submit', scope)
    : denial(actor, 'listing.moderate', scope);
}

/** A reason as typed (trimmed), or why it cannot be taken. */
export function reasonProblem(reason: string | null | undefined, required: boolean): Refusal | null {
  const text = reason?.trim() ?? '';
  if (required && text.length === 0) return 'reason-required';
  return text.length > REASON_MAX ? 'reason-too-long' : null;
}

/** The status after `actor` makes `move` on a listing of `scope`, or why the move is refused. */
export function applyMove(
  actor: Actor | null,
  scope: ListingScope,
  status: ListingStatus,
  move: Move,
): MoveResult {
  const rule = MOVES[move.kind];
  const denied = sideDenial(actor, rule.side, scope);
  if (denied) return { ok: false, refusal: denied };
  if (!rule.from.includes(status.state)) return { ok: false, refusal: 'wrong-state' };
  if (move.kind === 'unpublish' && !status.live) return { ok: false, refusal: 'not-live' };
  if (move.kind === 'reject' || move.kind === 'decline') {
    const problem = reasonProblem(move.reason, move.kind === 'reject');
    if (problem) return { ok: false, refusal: problem };
  }
  return { ok: true, status: rule.to(status) };
}

/** The moves `actor` may make on a listing now (the buttons a page shows). */
export function availableMoves(actor: Actor | null, scope: ListingScope, status: ListingStatus): MoveKind[] {
  return (Object.keys(MOVES) as MoveKind[]).filter((kind) => {
    const probe: Move =
      kind === 'reject' ? { kind, reason: 'x' } : kind === 'decline' ? { kind, reason: null } : { kind };
    return applyMove(actor, scope, status, probe).ok;
  });
}

/** How a listing starts: a producer's own draft, or a promoter's draft awaiting the producer's acceptance. */
export function startListing(actor: Actor | null, scope: ListingScope): MoveResult {
  if (!denial(actor, 'listing.submit', scope)) return { ok: true, status: { state: 'draft', live: false } };
  const denied = denial(actor, 'listing.delegate', scope);
  if (denied) return { ok: false, refusal: denied };
  return { ok: true, status: { state: 'awaiting-producer', live: false } };
}

// Edits and the audit log.

/** One changed field: its dotted path (`certification.stars`), the value before and after. */
export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

/** Fields a producer changes without moderation: what it sells for and how many it has. */
export const UNMODERATED_FIELDS: ReadonlySet<string> = new Set(['price', 'stock']);

/** Whether a set of changes must be approved by a promoter before it goes on sale. */
export function needsModeration(changes: readonly FieldChange[]): boolean {
  return changes.some((change) => !UNMODERATED_FIELDS.has(change.field));
}

/** Whether the changes raise the star rating (a promoter checks it against the decision number). */
export function raisesStars(changes: readonly FieldChange[]): boolean {
  const stars = changes.find((change) => change.field === 'certification.stars');
  return stars !== undefined && Number(stars.after) > Number(stars.before ?? 0);
}

/** The certification fields a change touches, which the promoter checks against the recognition decision. */
export function certificationChanges(changes: readonly FieldChange[]): FieldChange[] {
  return changes.filter((change) => change.field.startsWith('certification.'));
}

export type EditResult =
  | {
      ok: true;
      status: ListingStatus;
      /** The change waits for a promoter (true) or applies at once, on sale if the listing is live (false). */
      review: boolean;
    }
  | { ok: false; refusal: Refusal };

/** What saving `changes` does: price and stock apply at once; anything else leaves a draft to submit. */
export function applyEdit(
  actor: Actor | null,
  scope: ListingScope,
  status: ListingStatus,
  changes: readonly FieldChange[],
): EditResult {
  const review = needsModeration(changes);
  if (!denial(actor, 'product.edit', scope)) {
    if (!review) return { ok: true, status, review };
    if (status.state === 'pending') return { ok: false, refusal: 'pending-locked' };
    // A moderated edit of anything (a promoter's draft included) is the producer's own draft until approved.
    return { ok: true, status: { state: 'draft', live: status.live }, review };
  }
  const denied = denial(actor, 'listing.delegate', scope);
  if (denied) return { ok: false, refusal: denied };
  // A promoter edits only its own draft, before the producer has accepted it.
  if (status.state !== 'awaiting-producer') return { ok: false, refusal: 'promoter-own-drafts' };
  return { ok: true, status, review: false };
}

/** A value as the diff compares and shows it: dates as YYYY-MM-DD, missing as null. */
function plain(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return value === undefined ? null : value;
}

function flatten(value: unknown, prefix: string, into: Map<string, unknown>): void {
  const isRecord =
    typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
  if (!isRecord) {
    if (prefix) into.set(prefix, Array.isArray(value) ? value.map(plain) : plain(value));
    return;
  }
  for (const [key, inner] of Object.entries(value)) flatten(inner, prefix ? `${prefix}.${key}` : key, into);
}

/**
 * The field-by-field difference between two versions of a listing, for the moderation log: one entry per changed
 * leaf (`name.vi`, `certification.stars`); lists (photos, allergens, ingredients) compare as a whole. `before` is
 * null for a new listing, whose every field is a change from null.
 */
export function diffListings(before: object | null, after: object): FieldChange[] {
  const old = new Map<string, unknown>();
  const next = new Map<string, unknown>();
  if (before) flatten(before, '', old);
  flatten(after, '', next);
  const fields = [...new Set([...next.keys(), ...old.keys()])];
  return fields
    .map((field) => ({ field, before: old.get(field) ?? null, after: next.get(field) ?? null }))
    .filter((change) => JSON.stringify(change.before) !== JSON.stringify(change.after));
}

/** One line of a listing's moderation log, shown to the producer and to the promoters of its province. */
export interface ModerationLogEntry {
  at: Date;
  actorId: string;
  actorRole: Actor['role'];
  action: MoveKind | 'create' | 'edit';
  from: ListingState | null;
  to: ListingState;
  /** The rejection or decline reason the producer (or promoter) reads. */
  reason: string | null;
  changes: FieldChange[];
}

/** The log entry of a move or an edit. */
export function logEntry(
  actor: Actor,
  action: ModerationLogEntry['action'],
  from: ListingState | null,
  to: ListingState,
  details: { at: Date; reason?: string | null; changes?: FieldChange[] },
): ModerationLogEntry {
  return {
    at: details.at,
    actorId: actor.id,
    actorRole: actor.role,
    action,
    from,
    to,
    reason: details.reason?.trim() || null,
    changes: details.changes ?? [],
  };
}
