import { describe, expect, it } from 'vitest';
import { reconnectDelaySeconds } from './client';

describe('reconnecting to PostgreSQL after it restarts', () => {
  it('tries again quickly at first, then waits a little longer', () => {
    expect(reconnectDelaySeconds(0)).toBe(0.025);
    expect(reconnectDelaySeconds(1)).toBe(0.05);
    expect(reconnectDelaySeconds(3)).toBe(0.2);
  });

  it('never waits more than half a second, however many attempts failed', () => {
    expect(reconnectDelaySeconds(5)).toBe(0.5);
    expect(reconnectDelaySeconds(40)).toBe(0.5);
  });
});
