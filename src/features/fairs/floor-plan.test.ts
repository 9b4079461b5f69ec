import { describe, expect, it } from 'vitest';
import {
  boothArea,
  boothRent,
  boothSchema,
  floorPlanProblems,
  labelSize,
  type Booth,
  type BoothInput,
} from './floor-plan';

const booth = (input: Partial<BoothInput> = {}): Booth =>
  boothSchema.parse({
    code: 'A1',
    x: 0,
    y: 0,
    width: 3,
    depth: 3,
    openSides: 1,
    type: 'shell',
    pricing: 'fixed',
    price: 10_000_000,
    ...input,
  });
const hall = { width: 30, depth: 20 };

describe('booth rent', () => {
  it('a fixed price is the rent', () => {
    expect(boothRent(booth({ price: 76_000_000 }))).toBe(76_000_000);
  });
  it('per m² multiplies by the area', () => {
    const b = booth({ pricing: 'perM2', price: 2_500_000, width: 3, depth: 4 });
    expect(boothArea(b)).toBe(12);
    expect(boothRent(b)).toBe(30_000_000);
  });
  it('adds the premium once per open side beyond the first', () => {
    expect(boothRent(booth({ openSides: 1, openSidePremium: 1_000_000 }))).toBe(10_000_000);
    expect(boothRent(booth({ openSides: 2, openSidePremium: 1_000_000 }))).toBe(11_000_000);
    expect(boothRent(booth({ openSides: 4, openSidePremium: 1_000_000 }))).toBe(13_000_000);
  });
});

describe('booth schema', () => {
  const issue = (input: Partial<BoothInput>) =>
    boothSchema
      .safeParse({
        code: 'A1',
        x: 0,
        y: 0,
        width: 3,
        depth: 3,
        openSides: 1,
        type: 'shell',
        pricing: 'fixed',
        price: 1,
        ...input,
      })
      .error?.issues.map((i) => [i.path.join('.'), i.message]);
  it('refuses negative and fractional prices', () => {
    expect(issue({ price: -1 })).toEqual([['price', 'field.negative']]);
    expect(issue({ price: 1.5 })).toEqual([['price', 'field.wholeDong']]);
    expect(issue({ openSidePremium: -100 })).toEqual([['openSidePremium', 'field.negative']]);
  });
  it('refuses zero sizes, fractional metres, bad open sides and codes', () => {
    expect(issue({ width: 0 })).toEqual([['width', 'field.min|1']]);
    expect(issue({ depth: 2.5 })).toEqual([['depth', 'field.wholeMetres']]);
    expect(issue({ openSides: 5 })).toEqual([['openSides', 'booth.openSides']]);
    expect(issue({ code: 'A 1' })).toEqual([['code', 'booth.codeFormat']]);
  });
  it('upper-cases codes', () => {
    expect(booth({ code: 'b-07' }).code).toBe('B-07');
  });
});

describe('floor plan problems', () => {
  it('accepts booths that share a wall', () => {
    expect(
      floorPlanProblems(hall, [booth(), booth({ code: 'A2', x: 3 }), booth({ code: 'B1', y: 3 })]),
    ).toEqual({});
  });
  it('refuses overlapping booths, naming the other booth', () => {
    expect(floorPlanProblems(hall, [booth(), booth({ code: 'A2', x: 2, y: 2 })])).toEqual({
      'booths.1.x': 'booth.overlaps|A2|A1',
    });
  });
  it('refuses a booth inside another', () => {
    expect(
      floorPlanProblems(hall, [
        booth({ width: 10, depth: 10 }),
        booth({ code: 'A2', x: 4, y: 4, width: 1, depth: 1 }),
      ]),
    ).toHaveProperty('booths.1.x');
  });
  it('refuses booths outside the hall, on either side, at the exact boundary too', () => {
    expect(floorPlanProblems(hall, [booth({ x: 27 })])).toEqual({});
    expect(floorPlanProblems(hall, [booth({ x: 28 })])).toEqual({ 'booths.0.x': 'booth.outsideWidth|A1|30' });
    expect(floorPlanProblems(hall, [booth({ y: 18 })])).toEqual({ 'booths.0.y': 'booth.outsideDepth|A1|20' });
  });
  it('refuses a code used twice', () => {
    expect(floorPlanProblems(hall, [booth(), booth({ x: 10 })])).toEqual({
      'booths.1.code': 'booth.codeTaken|A1',
    });
  });
});

describe('plan labels', () => {
  it('fit the code inside the booth', () => {
    expect(labelSize({ code: 'A-01', width: 3, depth: 3 })).toBeLessThanOrEqual((3 - 0.4) / (4 * 0.62));
    expect(labelSize({ code: 'P1', width: 9, depth: 5 })).toBe(1.2);
    expect(labelSize({ code: 'LONGCODE-123', width: 1, depth: 1 })).toBe(0.3);
  });
});
