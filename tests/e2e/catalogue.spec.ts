import { readdirSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

const slugs = readdirSync('content/products', { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name);
// Recognised in 2022-2023, so lapsed as of the test build day (OCOP_TODAY=2026-11-21).
const LAPSED = 'long-nhan-dat-thuy';
const FIVE_STAR = 'keo-dua-ca-cao-ben-tre';
// A 4-star product sent for national 5-star evaluation (the Ca Mau article's noni juice).
const CANDIDATE = 'nuoc-cot-nhau-sk-noni';

test.describe('every page type, in Vietnamese and English', () => {
  const pages = [
    '/',
    '/products',
    `/products/${FIVE_STAR}`,
    `/products/${FIVE_STAR}/label`,
    '/producers/dong-a',
    '/provinces',
    '/provinces/ca-mau',
    '/groups',
    '/groups/food',
    '/stars/3',
    '/stars/4',
    '/stars/5',
  ];
  for (const path of pages) {
    for (const prefix of ['', '/en']) {
      const url = prefix + (path === '/' && prefix ? '/' : path);
      test(`${url} renders with a heading in its language`, async ({ page }) => {
        const response = await page.goto(url);
        expect(response?.status()).toBe(200);
        await expect(page.locator('html')).toHaveAttribute('lang', prefix ? 'en' : 'vi');
        await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      });
    }
  }

  test('unknown pages answer 404 in the language of the path', async ({ page }) => {
    const vi = await page.goto('/khong-co-trang-nay');
    expect(vi?.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Không tìm thấy trang');
    const en = await page.goto('/en/no-such-page');
    expect(en?.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
  });
});

test('every seed product has its page in vi and en', async ({ request }) => {
  expect(slugs.length).toBeGreaterThanOrEqual(30);
  for (const slug of slugs) {
    for (const prefix of ['', '/en']) {
      const response = await request.get(`${prefix}/products/${slug}`);
      expect(response.status(), `${prefix}/products/${slug}`).toBe(200);
      const html = await response.text();
      expect(html, `${prefix}/products/${slug} has an origin story`).toMatch(/id="story-title"/);
    }
  }
});

test.describe('product page', () => {
  test('shows the star badge, certification, price and producer', async ({ page }) => {
    await page.goto(`/en/products/${FIVE_STAR}`);
    await expect(page.getByRole('img', { name: 'OCOP 5 stars' }).first()).toBeVisible();
    const cert = page.getByRole('region', { name: 'OCOP certification' });
    await expect(cert).toContainText('National (Ministry)');
    await expect(cert).toContainText('Valid until');
    await expect(page.getByTestId('certificate-status')).toHaveText('Valid');
    await expect(page.getByTestId('price')).toContainText('₫');
    await expect(page.getByRole('link', { name: /Dong A/ }).first()).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Origin story' })).toBeVisible();
  });

  test('a lapsed certificate shows "expired" and no valid badge', async ({ page }) => {
    await page.goto(`/en/products/${LAPSED}`);
    await expect(page.getByTestId('certificate-status')).toHaveText('Expired');
    await expect(page.getByRole('note')).toContainText('no longer carries a valid OCOP badge');
    await expect(page.getByRole('img', { name: /^OCOP \d stars$/ })).toHaveCount(0);
    await page.goto(`/products/${LAPSED}`);
    await expect(page.getByTestId('certificate-status')).toHaveText('Đã hết hiệu lực');
    await expect(page.getByRole('img', { name: /^OCOP \d sao$/ })).toHaveCount(0);
  });

  test('serves responsive AVIF/WebP images with their dimensions', async ({ page }) => {
    await page.goto(`/products/${FIVE_STAR}`);
    const gallery = page.getByRole('region', { name: 'Ảnh sản phẩm' });
    await expect(gallery.locator('picture source[type="image/avif"]').first()).toHaveAttribute(
      'srcset',
      /\d+w/,
    );
    await expect(gallery.locator('picture source[type="image/webp"]').first()).toHaveAttribute(
      'srcset',
      /\d+w/,
    );
    const img = gallery.locator('img').first();
    await expect(img).toHaveAttribute('width', /\d+/);
    await expect(img).toHaveAttribute('height', /\d+/);
    await expect(img).toHaveAttribute('alt', /.+/);
  });

  test('carries schema.org Product data and Open Graph tags', async ({ page }) => {
    await page.goto(`/en/products/${FIVE_STAR}`);
    const ld = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? '{}');
    expect(ld['@type']).toBe('Product');
    expect(ld.offers.priceCurrency).toBe('VND');
    expect(Number.isInteger(Number(ld.offers.price))).toBe(true);
    await expect(page.locator('meta[property="og:type"]')).toHaveAttribute('content', 'product');
    await expect(page.locator('meta[property="og:image"]')).toHaveAttribute(
      'content',
      /^https?:\/\/.+\.jpe?g/,
    );
    await expect(page.locator('link[rel="alternate"][hreflang="vi"]')).toHaveAttribute(
      'href',
      new RegExp(`/products/${FIVE_STAR}$`),
    );
  });

  test('ships no JavaScript of its own beyond islands and the header widgets', async ({ page }) => {
    await page.goto(`/products/${FIVE_STAR}`);
    const scripts = await page.locator('script').evaluateAll((nodes) =>
      nodes.map((n) => ({
        type: n.getAttribute('type'),
        src: n.getAttribute('src'),
        text: n.textContent ?? '',
      })),
    );
    for (const script of scripts) {
      if (script.type === 'application/ld+json') continue;
      // The header widgets and add-to-cart are small same-origin modules (docs/performance.md); nothing else.
      if (script.src !== null) {
        expect(script.type).toBe('module');
        expect(script.src).toMatch(
          /^\/_astro\/(HeaderSearch|CartLink|AddToCart)\.astro_astro_type_script_index_0_lang\.[\w-]+\.js$/,
        );
        continue;
      }
      // Astro's inline island / server-island loaders are the only other scripts allowed, and the one line that
      // sets Zod's jitless option before any island loads (astro.config.mjs, docs/security.md).
      expect(script.text).toMatch(
        /astro-island|server-island|Astro|customElements|^globalThis\.__zod_globalConfig=/,
      );
    }
  });

  test('has a QR code and a printable label', async ({ page }) => {
    await page.goto(`/en/products/${FIVE_STAR}`);
    await expect(page.getByRole('img', { name: /^QR: http/ })).toBeVisible();
    await page.getByRole('link', { name: 'Print traceability label' }).click();
    await expect(page).toHaveURL(new RegExp(`/en/products/${FIVE_STAR}/label$`));
    const label = page.getByRole('article');
    await expect(label.getByRole('heading', { level: 1 })).toHaveText('BEN TRE cocoa coconut candy');
    await expect(label.getByRole('img', { name: 'OCOP 5 stars' })).toBeVisible();
    await expect(
      label.getByRole('img', { name: new RegExp(`^QR: .*/en/products/${FIVE_STAR}$`) }),
    ).toBeVisible();
    await expect(label).toContainText('Dong A');
    await expect(page.getByRole('button', { name: 'Print' })).toBeVisible();
  });
});

test('the language switch keeps the page', async ({ page }) => {
  await page.goto(`/products/${FIVE_STAR}`);
  const viName = await page.getByRole('heading', { level: 1 }).textContent();
  await page.getByRole('link', { name: 'English version' }).click();
  await expect(page).toHaveURL(new RegExp(`/en/products/${FIVE_STAR}$`));
  await expect(page.getByRole('heading', { level: 1 })).not.toHaveText(viName ?? '');
  await expect(page.getByRole('heading', { name: 'Origin story' })).toBeVisible();
  await page.getByRole('link', { name: 'Phiên bản tiếng Việt' }).click();
  await expect(page).toHaveURL(new RegExp(`/products/${FIVE_STAR}$`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(viName ?? '');
});

test('province page counts its products by star level', async ({ page }) => {
  await page.goto('/en/provinces/ben-tre');
  const total = Number(await page.getByTestId('product-count').textContent());
  const byStars = await Promise.all(
    [3, 4, 5].map(async (s) => Number(await page.getByTestId(`count-${s}`).textContent())),
  );
  expect(total).toBeGreaterThan(0);
  expect(byStars.reduce((a, b) => a + b, 0)).toBe(total);
  await expect(
    page
      .getByRole('list')
      .filter({ has: page.getByRole('article') })
      .getByRole('article'),
  ).toHaveCount(total);
});

test('star level pages list only that level', async ({ page }) => {
  await page.goto('/en/stars/5');
  const cards = page.getByRole('article');
  const count = await cards.count();
  expect(count).toBeGreaterThan(0);
  for (let i = 0; i < count; i++) {
    await expect(cards.nth(i).getByRole('img', { name: 'OCOP 5 stars' })).toBeVisible();
  }
});

test.describe('the 4→5 star path', () => {
  test('a 5-star candidate says so in words and keeps its 4-star badge (English)', async ({ page }) => {
    await page.goto(`/en/products/${CANDIDATE}`);
    const summary = page.getByRole('region', { name: 'SK NONI noni juice' });
    await expect(summary.getByRole('img', { name: 'OCOP 4 stars' })).toBeVisible();
    const cert = page.getByRole('region', { name: 'OCOP certification' });
    await expect(cert.getByRole('heading', { name: 'Candidate for 5 OCOP stars' })).toBeVisible();
    await expect(cert).toContainText('submitted for national evaluation on');
    await expect(cert).toContainText('it remains a 4-star OCOP product');
    await expect(page.getByTestId('certificate-status')).toHaveText('Valid');
    await expect(page.getByRole('img', { name: 'OCOP 5 stars' })).toHaveCount(0);
  });

  test('a 5-star candidate says so in words and keeps its 4-star badge (Vietnamese)', async ({ page }) => {
    await page.goto(`/products/${CANDIDATE}`);
    const cert = page.getByRole('region', { name: 'Chứng nhận OCOP' });
    await expect(cert.getByRole('heading', { name: 'Ứng viên OCOP 5 sao' })).toBeVisible();
    await expect(cert).toContainText('đã nộp hồ sơ đánh giá cấp quốc gia ngày');
    await expect(cert.getByRole('img', { name: 'OCOP 4 sao' })).toBeVisible();
    await expect(page.getByRole('img', { name: 'OCOP 5 sao' })).toHaveCount(0);
  });

  test("the promoter console lists the province's 5-star candidates (none yet in Ben Tre)", async ({
    page,
  }) => {
    await page.goto('/sign-in');
    await page.getByLabel('Email').fill('promoter@example.com');
    await page.getByLabel('Mật khẩu').fill('ocop-promoter-demo');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await expect(page).toHaveURL(/\/account$/);
    await page.goto('/en/promoter');
    await expect(
      page.getByRole('heading', { name: 'Candidates for 5 OCOP stars in this province' }),
    ).toBeVisible();
    await expect(
      page.getByText('No product of this province is awaiting national 5-star evaluation.'),
    ).toBeVisible();
  });

  test('an ordinary 4-star product shows no candidacy', async ({ page }) => {
    await page.goto('/en/products/tom-kho-ngoc-giau');
    await expect(page.getByRole('heading', { name: 'Candidate for 5 OCOP stars' })).toHaveCount(0);
  });
});

test.describe('counts by star level hold valid recognitions only', () => {
  test('the star level page lists lapsed recognitions apart, as lapsed', async ({ page }) => {
    await page.goto('/en/stars/4');
    const current = page.getByRole('region', { name: 'Products' });
    const count = Number(await page.getByTestId('product-count').textContent());
    expect(count).toBeGreaterThan(0);
    await expect(current.getByRole('article')).toHaveCount(count);
    await expect(current.getByRole('img', { name: 'OCOP 4 stars' })).toHaveCount(count);
    await expect(current.getByRole('article').filter({ hasText: 'Dat Thuy dried longan' })).toHaveCount(0);
    const lapsed = page.getByRole('region', { name: 'Recognition lapsed' });
    await expect(lapsed).toContainText('not counted among the 4-star products');
    const longan = lapsed.getByRole('article').filter({ hasText: 'Dat Thuy dried longan' });
    await expect(longan).toContainText('Expired');
    await expect(lapsed.getByRole('img', { name: /^OCOP \d stars$/ })).toHaveCount(0);
  });

  test('the home page counts the same valid recognitions as the star level pages', async ({ page }) => {
    for (const stars of [3, 4, 5]) {
      await page.goto(`/en/stars/${stars}`);
      const onLevelPage = (await page.getByTestId('product-count').textContent())?.trim();
      await page.goto('/en/');
      const numbers = page.getByRole('region', { name: 'The OCOP programme in numbers' });
      const link = numbers.getByRole('link', {
        name: new RegExp(`^${onLevelPage}\\s*${stars}-star products on OCOP Market$`),
      });
      await expect(link).toHaveAttribute('href', `/en/stars/${stars}`);
    }
  });

  test('a province with a lapsed recognition counts it apart', async ({ page }) => {
    await page.goto('/en/provinces/son-la');
    const total = Number(await page.getByTestId('product-count').textContent());
    const byStars = await Promise.all(
      [3, 4, 5].map(async (s) => Number(await page.getByTestId(`count-${s}`).textContent())),
    );
    const lapsed = Number(await page.getByTestId('count-lapsed').textContent());
    expect(lapsed).toBeGreaterThan(0);
    expect(byStars.reduce((a, b) => a + b, 0) + lapsed).toBe(total);
  });
});

test('a cooperative group is shown as a cooperative group, not a cooperative', async ({ page }) => {
  await page.goto('/en/producers/chuoi-kho-tran-van-thoi');
  await expect(page.getByText('Cooperative group', { exact: true }).first()).toBeVisible();
  await page.goto('/producers/chuoi-kho-tran-van-thoi');
  await expect(page.getByText('Tổ hợp tác', { exact: true }).first()).toBeVisible();
  await expect(page.getByText('Hợp tác xã', { exact: true })).toHaveCount(0);
});

test('sitemap and robots.txt are served', async ({ request }) => {
  const robots = await request.get('/robots.txt');
  expect(robots.status()).toBe(200);
  expect(await robots.text()).toMatch(/Sitemap: https?:\/\/.+\/sitemap-index\.xml/);
  const index = await request.get('/sitemap-index.xml');
  expect(index.status()).toBe(200);
  const sitemap = await (await request.get('/sitemap-0.xml')).text();
  expect(sitemap).toContain(`/products/${FIVE_STAR}`);
  expect(sitemap).toContain(`/en/products/${FIVE_STAR}`);
  expect(sitemap).not.toContain('/label');
});

async function expectNoSeriousA11yViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(
    serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`),
  ).toEqual([]);
}

test.describe('accessibility (axe-core)', () => {
  for (const path of [
    '/',
    `/products/${FIVE_STAR}`,
    `/en/products/${LAPSED}`,
    `/products/${FIVE_STAR}/label`,
    '/en/producers/dong-a',
    '/provinces/ca-mau',
    '/en/groups',
    '/stars/4',
    '/en/no-such-page',
  ]) {
    test(`${path} has no serious or critical violations`, async ({ page }) => {
      await page.goto(path);
      await expectNoSeriousA11yViolations(page);
    });
  }

  test('the phone layout has no serious or critical violations', async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto(`/products/${FIVE_STAR}`);
    await expectNoSeriousA11yViolations(page);
  });
});

test.describe('provenance: facts show their source, invented values show as sample', () => {
  // Invented from end to end: no source article names this product.
  const SAMPLE = 'dua-say-deo-xu-dua';

  test('a sample product says so on its page, next to its price, and its label prints MẪU', async ({
    page,
  }) => {
    await page.goto(`/products/${SAMPLE}`);
    const summary = page.getByRole('region', { name: 'Dứa sấy dẻo Xứ Dừa' });
    await expect(summary).toContainText('Sản phẩm mẫu: sản phẩm này không có trong các bài báo nguồn');
    await expect(page.getByTestId('price')).toContainText('(dữ liệu mẫu)');
    await page.getByRole('link', { name: 'In nhãn truy xuất' }).click();
    const label = page.getByRole('article');
    await expect(label.getByTestId('label-decision')).toHaveText('MẪU');
    await expect(label).not.toContainText('1093/QĐ-UBND');
    await expect(label).toContainText('dữ liệu mẫu');
  });

  test('the English label prints SAMPLE in place of an invented decision number', async ({ page }) => {
    await page.goto(`/en/products/${SAMPLE}/label`);
    await expect(page.getByRole('article').getByTestId('label-decision')).toHaveText('SAMPLE');
  });

  test('a product from an article cites it and lists exactly which of its values are sample', async ({
    page,
  }) => {
    await page.goto(`/en/products/${FIVE_STAR}`);
    const summary = page.getByRole('region', { name: 'BEN TRE cocoa coconut candy' });
    await expect(summary).toContainText('Sample data (illustrative, not from the source articles):');
    await expect(summary).toContainText('decision number');
    await expect(summary).not.toContainText('star rating');
    await expect(summary).toContainText('Dong Khoi newspaper');
    await expect(summary).toContainText('28 April 2025');
    // The Vietnamese title is marked as Vietnamese on the English page.
    await expect(summary.locator('cite[lang="vi"]')).toHaveText(
      '“Bệ phóng cho nông nghiệp phát triển từ OCOP”',
    );
    await page.goto(`/products/${FIVE_STAR}`);
    await expect(page.getByRole('region', { name: 'Kẹo dừa ca cao BẾN TRE' })).toContainText(
      'Báo Đồng Khởi, “Bệ phóng cho nông nghiệp phát triển từ OCOP”, 28 tháng 4, 2025',
    );
  });

  test('a producer from an article cites it; a sample producer says it is one', async ({ page }) => {
    await page.goto('/producers/sk-noni');
    await expect(page.getByRole('main')).toContainText('Cổng thông tin điện tử tỉnh Cà Mau');
    await expect(page.getByRole('main')).toContainText('không ghi ngày');
    await page.goto('/en/producers/htx-xu-dua');
    await expect(page.getByRole('main')).toContainText(
      'Sample producer: this producer is not in the source articles',
    );
  });
});

test.describe('places and figures after the July 2025 merger', () => {
  test('a producer in a merged province reads with its current province and its former names', async ({
    page,
  }) => {
    await page.goto('/producers/chanh-thu');
    await expect(page.getByRole('main')).toContainText(
      'Xã Sơn Định, tỉnh Vĩnh Long (trước đây thuộc huyện Chợ Lách, tỉnh Bến Tre)',
    );
    // No new commune is printed with the old province.
    await expect(page.getByRole('main')).not.toContainText('Xã Sơn Định, tỉnh Bến Tre');
  });

  test('a former province keeps its dated figures and says where it belongs now', async ({ page }) => {
    await page.goto('/en/provinces/ben-tre');
    await expect(page.getByTestId('merger')).toContainText(
      'since July 2025 it has been part of Vinh Long province',
    );
    const figures = page.getByRole('region', { name: 'OCOP programme figures' });
    await expect(figures).toContainText('Figures as of 31 December 2024');
    await expect(figures).toContainText('341');
    await expect(figures).toContainText('Dong Khoi newspaper');
    await page.goto('/provinces/son-la');
    await expect(page.getByRole('region', { name: 'Số liệu chương trình OCOP' })).toContainText(
      'Số liệu tính đến năm 2023',
    );
  });

  test('the home page lists each province’s figures with their own date and adds none up', async ({
    page,
  }) => {
    await page.goto('/');
    const list = page.getByRole('list', { name: 'Số liệu chương trình OCOP của từng tỉnh' });
    await expect(list.getByRole('listitem')).toHaveCount(4);
    await expect(list).toContainText('343 sản phẩm OCOP, tính đến 21 tháng 10, 2025');
    await expect(list).toContainText('341 sản phẩm OCOP, tính đến 31 tháng 12, 2024');
    // 343 + 341 + 151 + 261: no total across years.
    await expect(page.getByRole('main')).not.toContainText('1.096');
  });
});

test.describe('Vietnamese labelling', () => {
  test('net quantity is named by what it measures, with Vietnamese units', async ({ page }) => {
    await page.goto('/products/mat-ong-u-minh');
    await expect(page.getByRole('region', { name: 'Thông tin sản phẩm' })).toContainText('Thể tích thực');
    await page.goto('/products/bo-chen-gao-dua-xu-dua');
    const details = page.getByRole('region', { name: 'Thông tin sản phẩm' });
    await expect(details).toContainText('Số lượng');
    await expect(details).toContainText('4 cái');
    await expect(page.getByRole('main')).not.toContainText(/\bpiece/);
    await page.goto(`/products/${FIVE_STAR}`);
    await expect(page.getByRole('main')).toContainText('Khối lượng tịnh');
    await expect(page.getByRole('main')).not.toContainText('Sản xuất bởi');
  });
});
