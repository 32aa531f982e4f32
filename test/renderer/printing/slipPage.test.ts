import { describe, expect, it } from 'vitest';
import { pageRule, slipPage } from '../../../renderer/printing/slipPage';

describe('the printed page of a slip', () => {
  it('is as wide as the roll and as long as the slip, with paper for the cutter; A4 stays A4', () => {
    // 960 CSS px are 254 mm.
    expect(slipPage('80mm', 960)).toEqual({ paper: '80mm', heightMm: 262 });
    expect(pageRule(slipPage('80mm', 960))).toBe('@page { size: 80mm 262mm; margin: 0; }');
    expect(pageRule(slipPage('58mm', 0))).toBe('@page { size: 58mm 40mm; margin: 0; }');
    expect(pageRule(slipPage('A4', 5000))).toBe('@page { size: A4; margin: 15mm; }');
  });
});
