import { render } from '@testing-library/react';
import JsBarcode from 'jsbarcode';
import { describe, expect, it } from 'vitest';
import { CodeBarcode } from '../../../../renderer/components/issue/CodeBarcode';

/** Every rectangle of an SVG, with its place (its group's translation added) and size. */
function rectangles(svg: SVGSVGElement): string[] {
  return [...svg.querySelectorAll('rect')].map((rect) => {
    const shift = /translate\((\d+), (\d+)\)/.exec(rect.parentElement?.getAttribute('transform') ?? '') ?? ['', '0', '0'];
    const x = Number(rect.getAttribute('x')) + Number(shift[1]);
    const y = Number(rect.getAttribute('y')) + Number(shift[2]);
    return `${x},${y} ${rect.getAttribute('width')}×${rect.getAttribute('height')}`;
  });
}

/** What the whole JsBarcode library draws with the options the slip used before it drew the bars itself. */
function fullLibrary(code: string): SVGSVGElement {
  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  JsBarcode(svg, code, { format: 'CODE128', width: 2, height: 40, margin: 20, displayValue: false, background: '#ffffff', lineColor: '#000000' });
  return svg;
}

describe('the slip’s Code 128 barcode', () => {
  it.each(['K7Q2-88XZ-19', '0123456789012', 'abc DEF ~!'])('draws %s bar for bar as the whole JsBarcode library does, in its quiet zone', (code) => {
    const { getByRole } = render(<CodeBarcode code={code} />);
    const drawn = getByRole('img', { name: `Barcode of authentication code ${code}` }) as unknown as SVGSVGElement;
    const expected = fullLibrary(code);
    expect(rectangles(drawn).length).toBeGreaterThan(10);
    expect(rectangles(drawn)).toEqual(rectangles(expected));
    expect(drawn.getAttribute('viewBox')).toBe(expected.getAttribute('viewBox'));
  });

  it('draws nothing for a code with characters Code 128 cannot carry', () => {
    const { container } = render(<CodeBarcode code="ΚΩΔ-1" />);
    expect(container.querySelector('svg')).toBeNull();
  });
});
