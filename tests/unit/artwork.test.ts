import { describe, it, expect } from 'vitest';
import sharp from 'sharp';
import {
  productCoverSvg,
  productDetailSvg,
  producerLogoSvg,
  chooseMotifs,
  fitText,
} from '../../scripts/lib/artwork.mjs';

const product = {
  slug: 'tom-kho-ca-mau',
  name: { vi: 'Tôm khô Cà Mau', en: 'Ca Mau dried shrimp' },
  group: 'food',
  tags: ['tôm khô', 'dried shrimp'],
  stars: 4,
  province: 'ca-mau',
  region: 'mekong-delta',
};

describe('artwork', () => {
  it('is deterministic: the same input gives the same SVG', () => {
    expect(productCoverSvg(product)).toBe(productCoverSvg({ ...product }));
    expect(productDetailSvg(product)).toBe(productDetailSvg({ ...product }));
    expect(producerLogoSvg({ id: 'dong-a', name: 'Công ty TNHH Đông Á', kind: 'enterprise' })).toBe(
      producerLogoSvg({ id: 'dong-a', name: 'Công ty TNHH Đông Á', kind: 'enterprise' }),
    );
  });

  it('gives different slugs different SVGs', () => {
    const other = { ...product, slug: 'tom-kho-bac-lieu' };
    expect(productCoverSvg(other)).not.toBe(productCoverSvg(product));
    expect(productDetailSvg(other)).not.toBe(productDetailSvg(product));
    expect(producerLogoSvg({ id: 'a', name: 'HTX Tân Lập', kind: 'cooperative' })).not.toBe(
      producerLogoSvg({ id: 'b', name: 'HTX Tân Lập', kind: 'cooperative' }),
    );
  });

  it('picks the motif from the name and tags', () => {
    expect(chooseMotifs(product).subject).toBe('shrimp');
    expect(
      chooseMotifs({ slug: 'x', name: { vi: 'Kẹo dừa Bến Tre', en: 'Coconut candy' }, tags: [] }),
    ).toMatchObject({
      subject: 'coconut',
      form: 'candy',
    });
  });

  it('escapes markup and quotes in names', () => {
    const name = `<script>alert("x")</script> & 'Kẹo'`;
    const svg = productCoverSvg({ ...product, name: { vi: name, en: name } });
    expect(svg).not.toContain('<script>');
    expect(svg).toContain('&lt;script&gt;');
    expect(svg).toContain('&amp;');
    expect(svg).toContain('&quot;x&quot;');
    expect(svg).toContain('&apos;Kẹo&apos;');
    const logo = producerLogoSvg({ id: 'x', name: `<b>"A" & B</b>`, kind: 'business-household' });
    expect(logo).not.toContain('<b>');
  });

  it('wraps long names to fit the label', () => {
    const fit = fitText('Nước mắm truyền thống Phú Quốc thượng hạng 43 độ đạm', { width: 360, height: 200 });
    expect(fit.lines.length).toBeGreaterThan(1);
    expect(fit.lines.length * fit.lineHeight).toBeLessThanOrEqual(200 + 1e-6);
  });

  it('renders through sharp to a 1000x1000 JPEG', async () => {
    const jpeg = await sharp(Buffer.from(productCoverSvg(product)))
      .jpeg({ quality: 80, mozjpeg: true })
      .toBuffer();
    const meta = await sharp(jpeg).metadata();
    expect(meta.format).toBe('jpeg');
    expect(meta.width).toBe(1000);
    expect(meta.height).toBe(1000);
    const stats = await sharp(jpeg).stats();
    // not a flat placeholder: the channels vary
    expect(stats.channels[0]!.stdev).toBeGreaterThan(20);
  });
});
