/**
 * SVG drawn on the server made fit for the site's Content-Security-Policy, which refuses inline `style="…"`
 * attributes and unhashed `<style>` elements (docs/security.md). Pure.
 */

/** CSS properties SVG also takes as presentation attributes (`font-size="12px"`); others are dropped. */
const PRESENTATION = new Set([
  'fill',
  'fill-opacity',
  'font-family',
  'font-size',
  'font-style',
  'font-weight',
  'opacity',
  'stroke',
  'stroke-dasharray',
  'stroke-linecap',
  'stroke-linejoin',
  'stroke-opacity',
  'stroke-width',
  'text-anchor',
  'dominant-baseline',
  'visibility',
]);

/** `font-size:12px;font-family:sans-serif` → ` font-size="12px" font-family="sans-serif"`. */
function asAttributes(declarations: string): string {
  let out = '';
  for (const declaration of declarations.split(';')) {
    const colon = declaration.indexOf(':');
    if (colon < 0) continue;
    const name = declaration.slice(0, colon).trim().toLowerCase();
    const value = declaration.slice(colon + 1).trim();
    if (PRESENTATION.has(name) && value && !value.includes('"')) out += ` ${name}="${value}"`;
  }
  return out;
}

/**
 * The same drawing without inline styles: `style` attributes become presentation attributes (which CSP allows)
 * and `<style>` elements (a chart library's hover effects) are dropped.
 */
export function cspSafeSvg(svg: string): string {
  return svg
    .replace(/<style\b[^>]*>[\s\S]*?<\/style>/gi, '')
    .replace(/\sstyle="([^"]*)"/gi, (_, declarations: string) => asAttributes(declarations));
}
