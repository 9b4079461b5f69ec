import { describe, expect, it } from 'vitest';
import { can, type Actor } from '~/features/accounts/accounts';

const promoter = (provinceId: string): Actor => ({
  id: `promoter-${provinceId}`,
  role: 'promoter',
  producerId: null,
  provinceId,
});
const producer = (producerId: string): Actor => ({
  id: `producer-${producerId}`,
  role: 'producer',
  producerId,
  provinceId: null,
});
const admin: Actor = { id: 'admin', role: 'admin', producerId: null, provinceId: null };
const shopper: Actor = { id: 'shopper', role: 'shopper', producerId: null, provinceId: null };

describe('who may act on fairs and booths', () => {
  it('promoters organise, approve, set policies and read reports only in the organising province', () => {
    for (const action of ['fair.organise', 'booth.approve', 'subsidy.setPolicy', 'report.view'] as const) {
      expect(can(promoter('ben-tre'), action, { provinceId: 'ben-tre' })).toBe(true);
      expect(can(promoter('son-la'), action, { provinceId: 'ben-tre' })).toBe(false);
      expect(can(admin, action, { provinceId: 'ben-tre' })).toBe(false);
      expect(can(producer('dong-a'), action, { provinceId: 'ben-tre' })).toBe(false);
      expect(can(null, action, { provinceId: 'ben-tre' })).toBe(false);
    }
  });
  it('producers apply, pay and cancel only for themselves', () => {
    expect(can(producer('dong-a'), 'booth.apply', { producerId: 'dong-a' })).toBe(true);
    expect(can(producer('dong-a'), 'booth.apply', { producerId: 'htx-xu-dua' })).toBe(false);
    expect(can(promoter('ben-tre'), 'booth.apply', { producerId: 'dong-a' })).toBe(false);
    expect(can(shopper, 'booth.apply', { producerId: 'dong-a' })).toBe(false);
  });
});
