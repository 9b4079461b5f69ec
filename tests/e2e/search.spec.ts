/**
 * Search in real Chromium against the production build served by npm start (embedded Meilisearch, real catalogue).
 */
import { expect, test } from '@playwright/test';

test.describe('header search', () => {
  test('type in the header box, pick a suggestion with the keyboard, land on the product', async ({
    page,
  }) => {
    await page.goto('/');
    const box = page.getByRole('combobox', { name: 'Tìm kiếm' });
    await box.click();
    await box.pressSequentially('keo dua');
    const listbox = page.getByRole('listbox', { name: 'Gợi ý tìm kiếm' });
    const target = listbox.getByRole('option', { name: /Kẹo dừa ca cao BẾN TRE/ });
    await expect(target).toBeVisible();
    const names = await listbox.getByRole('option').allInnerTexts();
    const position = names.findIndex((n) => n.includes('Kẹo dừa ca cao BẾN TRE'));
    for (let i = 0; i <= position; i++) await box.press('ArrowDown');
    await expect(target).toHaveAttribute('aria-selected', 'true');
    await expect(box).toHaveAttribute('aria-activedescendant', (await target.getAttribute('id'))!);
    await box.press('Enter');
    await expect(page).toHaveURL(/\/products\/keo-dua-ca-cao-ben-tre\/?$/);
  });

  test('Enter without a suggestion submits the search form', async ({ page }) => {
    await page.goto('/en/');
    const box = page.getByRole('combobox', { name: 'Search' });
    await box.fill('coconut candy');
    await box.press('Enter');
    await expect(page).toHaveURL(/\/en\/search\?q=coconut\+candy/);
    await expect(page.getByRole('heading', { level: 2 })).toContainText('Results for “coconut candy”');
  });
});

test.describe('search page', () => {
  test('filters by province and star level, and back restores the previous results', async ({ page }) => {
    // "dua" without accents finds every reading (coconut, pineapple, melon): Bến Tre has them at 3, 4 and 5 stars.
    await page.goto('/search?q=dua');
    const heading = page.locator('#search-results-heading');
    const form = page.getByRole('search').filter({ has: heading });
    await expect(heading).toContainText('Kết quả cho “dua”');
    // The apply button is hidden once the page's script applies every change at once.
    await expect(page.getByRole('button', { name: 'Áp dụng bộ lọc' })).toBeHidden();
    // The script asks the server for the search page of the new search and shows its results.
    const settled = async (param: RegExp, change: () => Promise<unknown>) => {
      const answered = page.waitForResponse(
        (r) => new URL(r.url()).pathname === '/search' && param.test(r.url()),
      );
      await change();
      await answered;
      await expect(form).toHaveAttribute('aria-busy', 'false');
    };

    await settled(/province=ben-tre/, () => page.getByRole('checkbox', { name: /Bến Tre/ }).check());
    await expect(page).toHaveURL(/province=ben-tre/);
    const provinceOnly = (await heading.textContent()) ?? '';
    for (const origin of await page.locator('.s-hits .s-origin').allTextContents())
      expect(origin).toContain('Bến Tre');

    await settled(/stars=5/, () => page.getByRole('checkbox', { name: /^5 sao/ }).check());
    await expect(page).toHaveURL(/stars=5/);
    const badges = page.locator('.s-hits').getByRole('img', { name: /^OCOP \d sao$/ });
    await expect(badges.first()).toBeVisible();
    for (const name of await badges.evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')))) {
      expect(name).toBe('OCOP 5 sao');
    }
    expect(await heading.textContent()).not.toBe(provinceOnly);

    await settled(/province=ben-tre/, () => page.goBack());
    await expect(page).not.toHaveURL(/stars=5/);
    await expect(page).toHaveURL(/province=ben-tre/);
    await expect(heading).toHaveText(provinceOnly);
    await expect(page.getByRole('checkbox', { name: /^5 sao/ })).not.toBeChecked();
  });

  test('accented "dừa" puts coconut products before the pineapple one', async ({ page }) => {
    await page.goto(`/search?q=${encodeURIComponent('dừa')}`);
    const names = await page.locator('.s-hits h3').allTextContents();
    const pineapple = names.findIndex((n) => n.startsWith('Dứa'));
    const coconutCandy = names.findIndex((n) => n.startsWith('Kẹo dừa'));
    expect(coconutCandy).toBeGreaterThanOrEqual(0);
    expect(pineapple === -1 || coconutCandy < pineapple).toBe(true);
  });

  test('says so and suggests popular products when nothing matches', async ({ page }) => {
    await page.goto('/en/search?q=zzqxw');
    await expect(page.getByText('No products found for “zzqxw”.')).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Popular OCOP products' })).toBeVisible();
    // A real word the catalogue has no product for: no padding with products that match something else.
    await page.goto('/en/search?q=lychee');
    await expect(page.getByText('No products found for “lychee”.')).toBeVisible();
  });

  test('bad parameters get a 400 that names the field, never a 500', async ({ page, request }) => {
    const response = await page.goto('/search?page=abc&stars=9');
    expect(response?.status()).toBe(400);
    await expect(page.getByRole('alert')).toContainText('page');
    await expect(page.getByRole('alert')).toContainText('stars');
    const api = await request.get('/api/search?sort=cheapest');
    expect(api.status()).toBe(400);
    expect((await api.json()).fields).toHaveProperty('sort');
  });
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the server renders results and the filter form works', async ({ page }) => {
    await page.goto(`/search?q=${encodeURIComponent('kẹo dừa')}`);
    await expect(page.getByRole('link', { name: 'Kẹo dừa ca cao BẾN TRE' })).toBeVisible();
    await page.locator('details.s-filters summary').click();
    await page.getByRole('checkbox', { name: /^5 sao/ }).check();
    await page.getByRole('button', { name: 'Áp dụng bộ lọc' }).click();
    await expect(page).toHaveURL(/stars=5/);
    await expect(page.getByRole('link', { name: 'Kẹo dừa ca cao BẾN TRE' })).toBeVisible();
  });
});
