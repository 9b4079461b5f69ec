import { describe, expect, it } from 'vitest';
import { cspSafeSvg } from './svg';

describe('SVG fit for the Content-Security-Policy', () => {
  it('turns inline styles into presentation attributes and keeps the rest of the element', () => {
    expect(
      cspSafeSvg(
        '<text x="4" style="font-size:14px;font-family:system-ui, sans-serif;font-weight:bold;" fill="#333">T</text>',
      ),
    ).toBe(
      '<text x="4" font-size="14px" font-family="system-ui, sans-serif" font-weight="bold" fill="#333">T</text>',
    );
  });

  it('drops what SVG has no attribute for, and style elements', () => {
    const svg =
      '<svg width="10"><style ><![CDATA[\n.zr0-cls-1:hover {\ncursor:pointer;\n}\n]]>\n</style><g style="user-select:none"><path d="M0 0"/></g></svg>';
    expect(cspSafeSvg(svg)).toBe('<svg width="10"><g><path d="M0 0"/></g></svg>');
  });

  it('leaves an SVG without inline styles as it is', () => {
    const svg = '<svg viewBox="0 0 2 2"><rect width="1" height="1" fill="#000"/></svg>';
    expect(cspSafeSvg(svg)).toBe(svg);
  });
});
