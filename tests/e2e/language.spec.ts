/**
 * One language per page: every page type, in Vietnamese and in English, signed in as the role that uses it, shows
 * no UI text of the other language. Text inside an element that declares another `lang` (a proper name, a quoted
 * source) is skipped, as a screen reader would switch voice there.
 */
import { expect, test, type Browser, type Page } from '@playwright/test';

type Lang = 'vi' | 'en';

/** English words that have no Vietnamese look-alike: any of them on a Vietnamese page is untranslated UI. */
const ENGLISH_WORDS = new Set(
  (
    'the and of for your with from this that these those please page product products price prices cart search ' +
    'order orders booth booths fair fairs sign account star stars valid expired demo piece pieces source items ' +
    'item stock view back home more total delivery status will has have not are was were you its our who which ' +
    'producer producers province provinces group groups report policy policies subsidy budget paid payment ' +
    'available held booked approved refused cancelled confirmed pending shipped delivered processing new edit ' +
    'save submit apply remove quantity free each per until since date dates name password reset forgot'
  ).split(' '),
);

/** Vietnamese words that appear only in running text, never in the English names of products or producers. */
const VIETNAMESE_WORDS = new Set(
  (
    'của và các những được không này để cho với trong đã chưa bạn tại theo khi hoặc xem tìm đăng giỏ sản ' +
    'phẩm tỉnh hiệu lực đơn tài khoản thanh toán nhập mật khẩu chủ thể nguồn hạng'
  ).split(' '),
);

/** Visible text and the texts users meet in attributes, minus subtrees that declare another language. */
async function pageTexts(page: Page, lang: Lang): Promise<string[]> {
  return page.evaluate((pageLang) => {
    const foreign = (el: Element | null) => {
      const declared = el?.closest('[lang]')?.getAttribute('lang') ?? pageLang;
      return !declared.startsWith(pageLang);
    };
    const texts: string[] = [document.title];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || parent.closest('script, style, template, code, [translate="no"]') || foreign(parent))
        continue;
      const text = node.textContent?.trim();
      if (text) texts.push(text);
    }
    for (const el of document.querySelectorAll(
      '[aria-label], [title], [placeholder], img[alt], input[value]',
    )) {
      if (foreign(el) || el.closest('[translate="no"]')) continue;
      for (const attr of ['aria-label', 'title', 'placeholder', 'alt']) {
        const value = el.getAttribute(attr)?.trim();
        if (value) texts.push(value);
      }
      if (el instanceof HTMLInputElement && (el.type === 'submit' || el.type === 'button'))
        texts.push(el.value);
    }
    return texts;
  }, lang);
}

/** The words of `texts` that belong to the other language, each with the text it stands in. */
function otherLanguage(texts: string[], lang: Lang): string[] {
  const suspects = lang === 'vi' ? ENGLISH_WORDS : VIETNAMESE_WORDS;
  const found: string[] = [];
  for (const text of texts) {
    // Addresses (links, site paths, e-mail) are not language.
    const prose = text.replace(/\b(https?:\/\/|www\.)\S+|(^|\s)\/[\w./-]*|\S+@\S+/g, ' ');
    const words = prose.toLocaleLowerCase(lang).match(/[\p{L}]+/gu) ?? [];
    const hits = words.filter((w) => suspects.has(w));
    if (hits.length > 0) found.push(`${hits.join(', ')} ← “${text.slice(0, 120)}”`);
  }
  return found;
}

async function expectOneLanguage(page: Page, path: string, lang: Lang) {
  const url = lang === 'vi' ? path : `/en${path === '/' ? '/' : path}`;
  const response = await page.goto(url);
  expect(response?.status(), url).toBeLessThan(500);
  await expect(page.locator('html')).toHaveAttribute('lang', lang);
  expect
    .soft(otherLanguage(await pageTexts(page, lang), lang), `${url} shows the other language`)
    .toEqual([]);
}

async function signedIn(browser: Browser, email: string, password: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Mật khẩu').fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(page).toHaveURL(/\/account$/);
  return page;
}

/** The path of the first link whose href matches, as found on `from`. */
async function firstLink(page: Page, from: string, pattern: RegExp): Promise<string> {
  await page.goto(from);
  const hrefs = await page
    .locator('a[href]')
    .evaluateAll((links) => links.map((a) => a.getAttribute('href')!));
  const href = hrefs.find((h) => pattern.test(h));
  expect(href, `a link matching ${pattern} on ${from}`).toBeTruthy();
  return href!;
}

/** The path of the first link matching, when `from` has one (a listing exists once the portal's spec ran). */
async function optionalLink(page: Page, from: string, pattern: RegExp): Promise<string[]> {
  await page.goto(from);
  const hrefs = await page
    .locator('a[href]')
    .evaluateAll((links) => links.map((a) => a.getAttribute('href')!));
  return hrefs.filter((h) => pattern.test(h)).slice(0, 1);
}

const PUBLIC_PAGES = [
  '/',
  '/products',
  '/products/ba-khia-muoi-minh-quach',
  '/products/ba-khia-muoi-minh-quach/label',
  '/producers/minh-quach',
  '/provinces',
  '/provinces/ca-mau',
  '/groups',
  '/groups/food',
  '/stars/5',
  '/search?q=keo',
  '/cart',
  '/checkout',
  '/orders/lookup',
  '/sign-in',
  '/sign-up',
  '/forgot-password',
  '/reset-password?token=expired-token',
  '/fairs',
  '/no-such-page',
];

for (const lang of ['vi', 'en'] as const) {
  test.describe(`every page type in ${lang === 'vi' ? 'Vietnamese' : 'English'}`, () => {
    test('public pages', async ({ page }) => {
      const fair = await firstLink(page, '/fairs', /^\/fairs\/[^/]+$/);
      for (const path of [...PUBLIC_PAGES, fair]) await expectOneLanguage(page, path, lang);
    });

    test('shopper and producer pages', async ({ browser }) => {
      const shopper = await signedIn(browser, 'shopper@example.com', 'ocop-shopper-demo');
      for (const path of ['/account', '/account/orders']) await expectOneLanguage(shopper, path, lang);
      const producer = await signedIn(browser, 'producer@example.com', 'ocop-producer-demo');
      const listing = await optionalLink(
        producer,
        '/producer/listings',
        /^\/producer\/listings\/[0-9a-f-]{36}$/,
      );
      for (const path of [
        '/producer',
        '/producer/orders',
        '/producer/listings',
        '/producer/listings/new',
        ...listing,
        '/fairs/bookings',
      ])
        await expectOneLanguage(producer, path, lang);
    });

    test('promoter and admin consoles', async ({ browser }) => {
      const promoter = await signedIn(browser, 'promoter@example.com', 'ocop-promoter-demo');
      const fair = await firstLink(
        promoter,
        '/promoter/trade-fairs',
        /^\/promoter\/trade-fairs\/(?!new$|policies$)[\w-]+$/,
      );
      const policy = await firstLink(
        promoter,
        '/promoter/trade-fairs',
        /^\/promoter\/trade-fairs\/policies\/(?!new$)[\w-]+$/,
      );
      const consolePages = [
        '/promoter',
        '/promoter/listings',
        '/promoter/listings/new?producer=dong-a',
        '/promoter/trade-fairs',
        '/promoter/trade-fairs/new',
        '/promoter/trade-fairs/policies/new',
        fair,
        `${fair}/plan`,
        `${fair}/bookings`,
        `${fair}/report`,
        policy,
        `${policy}/report`,
      ];
      for (const path of consolePages) await expectOneLanguage(promoter, path, lang);
      const admin = await signedIn(browser, 'admin@example.com', 'ocop-admin-demo');
      await expectOneLanguage(admin, '/admin', lang);
    });
  });
}
