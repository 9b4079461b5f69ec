import { describe, expect, it } from 'vitest';
import { barChartSvg } from './charts.server';

describe('report charts', () => {
  it('renders an SVG with its title, categories and a label stating every figure', () => {
    const svg = barChartSvg({
      title: 'Subsidy by kind',
      categories: ['Cooperative', 'Enterprise'],
      series: [{ name: 'Subsidy', values: [62_000_000, 38_000_000] }],
      locale: 'en',
    });
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('Subsidy by kind');
    expect(svg).toContain('Cooperative');
    expect(svg).toContain('62M');
    expect(svg).toContain(
      'role="img" aria-label="Subsidy by kind: Cooperative ₫62,000,000; Enterprise ₫38,000,000"',
    );
  });
});

describe('chart labels', () => {
  it('escapes names in the label', () => {
    const svg = barChartSvg({
      title: 'A "quoted" <b>',
      categories: ['x'],
      series: [{ name: 's', values: [1] }],
      locale: 'vi',
    });
    expect(svg).toContain('aria-label="A &quot;quoted&quot; &lt;b&gt;: x 1\u00a0₫"');
  });

  it('writes the axis amounts in the reader’s short form', () => {
    const svg = barChartSvg({
      title: 'Hỗ trợ theo loại chủ thể',
      categories: ['Hợp tác xã'],
      series: [{ name: 'Hỗ trợ', values: [62_000_000] }],
      locale: 'vi',
    });
    expect(svg).toContain('62\u00a0Tr');
    expect(svg).not.toContain('62M');
  });
});
