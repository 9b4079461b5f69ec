/**
 * Report charts drawn on the server with Apache ECharts' SVG renderer (server-side rendering, no browser code):
 * the page ships a plain SVG with role="img" and a label that states every figure; the same figures sit in tables
 * next to it.
 */
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TitleComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { LegacyGridContainLabel } from 'echarts/features';
import { SVGRenderer } from 'echarts/renderers';
import { formatCompact, formatVnd, type Locale } from '~/lib/i18n';
import { cspSafeSvg } from '~/lib/svg';

// containLabel keeps long category names (Vietnamese producer kinds) inside the drawing.
echarts.use([BarChart, GridComponent, TitleComponent, LegendComponent, SVGRenderer, LegacyGridContainLabel]);

const PALETTE = ['#0f5f4a', '#c9372c', '#e0a100', '#1a5fb4', '#6b4f9e'];

/** A horizontal bar chart of amounts in đồng (labels in millions), as an SVG string. */
export function barChartSvg(input: {
  title: string;
  categories: string[];
  series: { name: string; values: number[] }[];
  width?: number;
  locale: Locale;
}): string {
  const height = Math.max(170, 80 + input.categories.length * 28 * Math.max(1, input.series.length));
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: input.width ?? 640, height });
  const millions = (amount: number) => formatCompact(amount, input.locale);
  chart.setOption({
    animation: false,
    color: PALETTE,
    title: { text: input.title, left: 0, textStyle: { fontSize: 14, fontFamily: 'system-ui, sans-serif' } },
    legend:
      input.series.length > 1
        ? { top: 28, left: 0, textStyle: { fontFamily: 'system-ui, sans-serif' } }
        : undefined,
    grid: { left: 16, right: 56, top: input.series.length > 1 ? 64 : 40, bottom: 8, containLabel: true },
    xAxis: { type: 'value', axisLabel: { formatter: millions } },
    yAxis: {
      type: 'category',
      data: input.categories,
      inverse: true,
      axisLabel: { width: 150, overflow: 'truncate' },
    },
    series: input.series.map((s) => ({
      type: 'bar',
      name: s.name,
      data: s.values,
      barMaxWidth: 22,
      label: {
        show: true,
        position: 'right',
        formatter: (p: { value: number }) => millions(p.value),
      },
    })),
  });
  // No inline styles: the page's Content-Security-Policy would refuse them (docs/security.md).
  const svg = cspSafeSvg(chart.renderToSVGString());
  chart.dispose();
  const description = `${input.title}: ${input.categories
    .map(
      (c, i) =>
        `${c} ${input.series.map((s) => `${input.series.length > 1 ? `${s.name} ` : ''}${formatVnd(s.values[i] ?? 0, input.locale)}`).join(', ')}`,
    )
    .join('; ')}`;
  return svg.replace('<svg ', `<svg role="img" aria-label="${escapeAttribute(description)}" `);
}

function escapeAttribute(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
