import { describe, expect, it } from 'vitest';
import { TokenOrder } from '../../shared/sync/tokenOrder';

describe('one token’s changes in order', () => {
  it('lets a token go until one of its changes stops, then holds its later ones; other tokens go on', () => {
    const order = new TokenOrder();
    expect(order.open('a')).toBe(true);
    order.stop('a');
    expect(order.open('a')).toBe(false);
    expect(order.open('b')).toBe(true);
    order.stop('a');
    expect(order.open('a')).toBe(false);
  });
});
