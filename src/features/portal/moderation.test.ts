import { describe, expect, it } from 'vitest';
import type { Actor } from '../accounts/accounts';
import {
  applyEdit,
  applyMove,
  availableMoves,
  certificationChanges,
  diffListings,
  LISTING_STATES,
  logEntry,
  MOVES,
  needsModeration,
  raisesStars,
  REASON_MAX,
  refusalKey,
  startListing,
  stateKey,
  type ListingStatus,
  type Move,
  type MoveKind,
  type Refusal,
} from './moderation';
import { usePortalTranslations } from './messages';

const producer: Actor = { id: 'u-producer', role: 'producer', producerId: 'dong-a', provinceId: null };
const otherProducer: Actor = { id: 'u-other', role: 'producer', producerId: 'htx-xu-dua', provinceId: null };
const promoter: Actor = { id: 'u-promoter', role: 'promoter', producerId: null, provinceId: 'ben-tre' };
const otherPromoter: Actor = { id: 'u-ca-mau', role: 'promoter', producerId: null, provinceId: 'ca-mau' };
const admin: Actor = { id: 'u-admin', role: 'admin', producerId: null, provinceId: null };
const scope = { producerId: 'dong-a', provinceId: 'ben-tre' };

const at = (state: ListingStatus['state'], live = false): ListingStatus => ({ state, live });
const move = (kind: MoveKind): Move =>
  kind === 'reject' ? { kind, reason: 'Số quyết định không khớp' } : { kind };

describe('moves', () => {
  it('takes a producer’s listing from draft to pending to published when its promoter approves', () => {
    const pending = applyMove(producer, scope, at('draft'), { kind: 'submit' });
    expect(pending).toEqual({ ok: true, status: at('pending') });
    expect(applyMove(promoter, scope, at('pending'), { kind: 'approve' })).toEqual({
      ok: true,
      status: at('published', true),
    });
  });

  it('rejects with a reason, keeps a live version on sale, and lets the producer submit again', () => {
    expect(applyMove(promoter, scope, at('pending'), { kind: 'reject', reason: '  Ảnh mờ  ' })).toEqual({
      ok: true,
      status: at('rejected'),
    });
    expect(applyMove(promoter, scope, at('pending', true), move('reject'))).toEqual({
      ok: true,
      status: at('rejected', true),
    });
    expect(applyMove(producer, scope, at('rejected'), { kind: 'submit' })).toEqual({
      ok: true,
      status: at('pending'),
    });
  });

  it('refuses a rejection without a reason or with an overlong one', () => {
    expect(applyMove(promoter, scope, at('pending'), { kind: 'reject', reason: '   ' })).toEqual({
      ok: false,
      refusal: 'reason-required',
    });
    const long = 'x'.repeat(REASON_MAX + 1);
    expect(applyMove(promoter, scope, at('pending'), { kind: 'reject', reason: long })).toEqual({
      ok: false,
      refusal: 'reason-too-long',
    });
  });

  it('withdraws a first submission, and drops a pending change while the approved version stays on sale', () => {
    expect(applyMove(producer, scope, at('pending'), { kind: 'withdraw' })).toEqual({
      ok: true,
      status: at('withdrawn'),
    });
    expect(applyMove(producer, scope, at('pending', true), { kind: 'withdraw' })).toEqual({
      ok: true,
      status: at('published', true),
    });
  });

  it('lets a producer take a live listing off sale, and not a listing that is not on sale', () => {
    expect(applyMove(producer, scope, at('published', true), { kind: 'unpublish' })).toEqual({
      ok: true,
      status: at('withdrawn'),
    });
    expect(applyMove(producer, scope, at('draft'), { kind: 'unpublish' })).toEqual({
      ok: false,
      refusal: 'not-live',
    });
  });

  it('puts a promoter’s draft on sale only when the producer accepts it', () => {
    const started = startListing(promoter, scope);
    expect(started).toEqual({ ok: true, status: at('awaiting-producer') });
    expect(applyMove(promoter, scope, at('awaiting-producer'), { kind: 'approve' })).toEqual({
      ok: false,
      refusal: 'wrong-state',
    });
    expect(applyMove(producer, scope, at('awaiting-producer'), { kind: 'accept' })).toEqual({
      ok: true,
      status: at('published', true),
    });
    expect(applyMove(producer, scope, at('awaiting-producer'), { kind: 'decline', reason: null })).toEqual({
      ok: true,
      status: at('withdrawn'),
    });
    expect(applyMove(otherProducer, scope, at('awaiting-producer'), { kind: 'accept' })).toEqual({
      ok: false,
      refusal: 'forbidden',
    });
  });

  it('starts a producer’s own listing as a draft, and refuses anyone outside the producer or its province', () => {
    expect(startListing(producer, scope)).toEqual({ ok: true, status: at('draft') });
    expect(startListing(otherProducer, scope)).toEqual({ ok: false, refusal: 'forbidden' });
    expect(startListing(otherPromoter, scope)).toEqual({ ok: false, refusal: 'forbidden' });
    expect(startListing(null, scope)).toEqual({ ok: false, refusal: 'signed-out' });
  });

  it('lets only a promoter of the producer’s province approve or reject', () => {
    for (const actor of [producer, otherProducer, otherPromoter, admin]) {
      expect(applyMove(actor, scope, at('pending'), { kind: 'approve' })).toEqual({
        ok: false,
        refusal: 'forbidden',
      });
      expect(applyMove(actor, scope, at('pending'), move('reject'))).toEqual({
        ok: false,
        refusal: 'forbidden',
      });
    }
    expect(applyMove(null, scope, at('pending'), { kind: 'approve' })).toEqual({
      ok: false,
      refusal: 'signed-out',
    });
  });

  it('lets nobody but the producer submit, withdraw or accept', () => {
    for (const kind of ['submit', 'withdraw', 'unpublish', 'accept', 'decline'] as const) {
      expect(MOVES[kind].side).toBe('producer');
      for (const actor of [otherProducer, promoter, admin]) {
        const from = at(MOVES[kind].from[0]!, true);
        expect(applyMove(actor, scope, from, move(kind))).toEqual({ ok: false, refusal: 'forbidden' });
      }
    }
  });

  it('never lets a producer publish by itself: its only move to published accepts a promoter’s draft', () => {
    const reached: string[] = [];
    for (const state of LISTING_STATES) {
      for (const live of [false, true]) {
        for (const kind of Object.keys(MOVES) as MoveKind[]) {
          const result = applyMove(producer, scope, at(state, live), move(kind));
          if (result.ok && result.status.state === 'published' && !live) reached.push(`${state} ${kind}`);
        }
      }
    }
    expect(reached).toEqual(['awaiting-producer accept']);
  });

  it('refuses a move from a state it does not start from', () => {
    expect(applyMove(promoter, scope, at('draft'), { kind: 'approve' })).toEqual({
      ok: false,
      refusal: 'wrong-state',
    });
    expect(applyMove(producer, scope, at('published', true), { kind: 'submit' })).toEqual({
      ok: false,
      refusal: 'wrong-state',
    });
  });

  it('lists the moves each side may make now', () => {
    expect(availableMoves(promoter, scope, at('pending'))).toEqual(['approve', 'reject']);
    expect(availableMoves(producer, scope, at('pending'))).toEqual(['withdraw']);
    expect(availableMoves(producer, scope, at('published', true))).toEqual(['unpublish']);
    expect(availableMoves(producer, scope, at('awaiting-producer'))).toEqual(['accept', 'decline']);
    expect(availableMoves(otherPromoter, scope, at('pending'))).toEqual([]);
  });
});

describe('edits', () => {
  const priceOnly = [{ field: 'price', before: 120000, after: 110000 }];
  const starsUp = [
    { field: 'certification.stars', before: 3, after: 4 },
    { field: 'certification.score', before: 65, after: 75 },
  ];

  it('applies price and stock at once, on sale, without a promoter', () => {
    expect(needsModeration([...priceOnly, { field: 'stock', before: 4, after: 40 }])).toBe(false);
    expect(applyEdit(producer, scope, at('published', true), priceOnly)).toEqual({
      ok: true,
      status: at('published', true),
      review: false,
    });
    expect(applyEdit(producer, scope, at('pending'), priceOnly)).toEqual({
      ok: true,
      status: at('pending'),
      review: false,
    });
  });

  it('turns any other change to a live listing into a draft to submit, the approved version staying on sale', () => {
    const storyEdit = [{ field: 'story.vi', before: 'Cũ', after: 'Mới' }];
    expect(applyEdit(producer, scope, at('published', true), storyEdit)).toEqual({
      ok: true,
      status: at('draft', true),
      review: true,
    });
  });

  it('never lets a producer raise its stars on sale: the change waits for the promoter', () => {
    expect(raisesStars(starsUp)).toBe(true);
    expect(certificationChanges([...priceOnly, ...starsUp]).map((c) => c.field)).toEqual([
      'certification.stars',
      'certification.score',
    ]);
    const result = applyEdit(producer, scope, at('published', true), [...priceOnly, ...starsUp]);
    expect(result).toEqual({ ok: true, status: at('draft', true), review: true });
    expect(raisesStars([{ field: 'certification.stars', before: 4, after: 3 }])).toBe(false);
  });

  it('refuses a moderated change while a submission waits for its decision', () => {
    expect(applyEdit(producer, scope, at('pending'), starsUp)).toEqual({
      ok: false,
      refusal: 'pending-locked',
    });
  });

  it('makes a promoter’s draft the producer’s own once the producer changes more than price and stock', () => {
    expect(applyEdit(producer, scope, at('awaiting-producer'), starsUp)).toEqual({
      ok: true,
      status: at('draft'),
      review: true,
    });
    expect(applyEdit(producer, scope, at('awaiting-producer'), priceOnly)).toEqual({
      ok: true,
      status: at('awaiting-producer'),
      review: false,
    });
  });

  it('lets a promoter edit its own draft only, and nobody else edit at all', () => {
    expect(applyEdit(promoter, scope, at('awaiting-producer'), starsUp)).toEqual({
      ok: true,
      status: at('awaiting-producer'),
      review: false,
    });
    expect(applyEdit(promoter, scope, at('published', true), priceOnly)).toEqual({
      ok: false,
      refusal: 'promoter-own-drafts',
    });
    expect(applyEdit(otherPromoter, scope, at('awaiting-producer'), priceOnly)).toEqual({
      ok: false,
      refusal: 'forbidden',
    });
    expect(applyEdit(otherProducer, scope, at('draft'), priceOnly)).toEqual({
      ok: false,
      refusal: 'forbidden',
    });
    expect(applyEdit(null, scope, at('draft'), priceOnly)).toEqual({ ok: false, refusal: 'signed-out' });
  });
});

describe('diffListings', () => {
  const before = {
    name: { vi: 'Kẹo dừa', en: 'Coconut candy' },
    certification: { stars: 3, score: 65, recognisedOn: new Date('2024-06-01T00:00:00Z') },
    price: 45000,
    photos: ['a', 'b'],
    shelfLifeDays: 180,
  };

  it('lists each changed leaf with its value before and after, dates as days', () => {
    const after = {
      ...before,
      name: { vi: 'Kẹo dừa sáp', en: 'Coconut candy' },
      certification: { stars: 4, score: 75, recognisedOn: new Date('2025-03-10T00:00:00Z') },
      photos: ['b', 'a'],
    };
    expect(diffListings(before, after)).toEqual([
      { field: 'name.vi', before: 'Kẹo dừa', after: 'Kẹo dừa sáp' },
      { field: 'certification.stars', before: 3, after: 4 },
      { field: 'certification.score', before: 65, after: 75 },
      { field: 'certification.recognisedOn', before: '2024-06-01', after: '2025-03-10' },
      { field: 'photos', before: ['a', 'b'], after: ['b', 'a'] },
    ]);
  });

  it('reports a removed or added field against null, and nothing for an unchanged listing', () => {
    const { shelfLifeDays: _dropped, ...withoutShelfLife } = before;
    expect(diffListings(before, withoutShelfLife)).toEqual([
      { field: 'shelfLifeDays', before: 180, after: null },
    ]);
    expect(diffListings(before, { ...before })).toEqual([]);
    expect(diffListings(null, { price: 45000 })).toEqual([{ field: 'price', before: null, after: 45000 }]);
  });

  it('feeds the log entry both sides read', () => {
    const changes = diffListings(before, { ...before, price: 50000 });
    const entry = logEntry(promoter, 'reject', 'pending', 'rejected', {
      at: new Date('2026-11-21T03:00:00Z'),
      reason: '  Giá chưa đúng  ',
      changes,
    });
    expect(entry).toEqual({
      at: new Date('2026-11-21T03:00:00Z'),
      actorId: 'u-promoter',
      actorRole: 'promoter',
      action: 'reject',
      from: 'pending',
      to: 'rejected',
      reason: 'Giá chưa đúng',
      changes: [{ field: 'price', before: 45000, after: 50000 }],
    });
  });
});

describe('words', () => {
  it('names every state and every refusal in Vietnamese and in English', () => {
    const vi = usePortalTranslations('vi');
    const en = usePortalTranslations('en');
    const refusals: Refusal[] = [
      'signed-out',
      'forbidden',
      'wrong-state',
      'not-live',
      'reason-required',
      'reason-too-long',
      'pending-locked',
      'promoter-own-drafts',
    ];
    for (const key of [...LISTING_STATES.map(stateKey), ...refusals.map(refusalKey)]) {
      expect(vi.has(key)).toBe(true);
      expect(vi(key)).not.toBe(en(key));
    }
    expect(vi(refusalKey('reason-too-long'), { maximum: REASON_MAX })).toBe(
      'Lý do dài quá, tối đa 1000 ký tự.',
    );
    expect(vi(stateKey('awaiting-producer'))).toBe('Chờ chủ thể chấp nhận');
  });
});
