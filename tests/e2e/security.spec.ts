/**
 * Security in real Chromium against the production build: every page type runs under the strict
 * Content-Security-Policy with its islands working and not one violation; the headers on a page, a static file
 * and an API answer; a hostile product story renders inert; a throttled form answers 429 with Retry-After.
 */
import { readFileSync } from 'node:fs';
import { expect, test, type APIResponse, type Page } from '@playwright/test';

const PRODUCT = 'keo-dua-ca-cao-ben-tre';
const SHOPPER = { email: 'shopper@example.com', password: 'ocop-shopper-demo' };
const PRODUCER = { email: 'producer@example.com', password: 'ocop-producer-demo' };
const PROMOTER = { email: 'promoter@example.com', password: 'ocop-promoter-demo' };

/** Chromium's console text for a blocked script, style, frame, image or request. */
const CSP_CONSOLE = /Content Security Policy|Refused to (load|execute|apply|frame|connect|evaluate)/i;

/**
 * Collects CSP violations on a page: `securitypolicyviolation` events (listened to before any page script runs)
 * and Chromium's console errors about the policy.
 */
async function watchCsp(page: Page): Promise<string[]> {
  const violations: string[] = [];
  await page.exposeFunction('reportCspViolation', (text: string) => violations.push(text));
  await page.addInitScript(() => {
    document.addEventListener(
      'securitypolicyviolation',
      (e) => {
        const report = (window as unknown as { reportCspViolation: (text: string) => void })
          .reportCspViolation;
        report(
          `${e.effectiveDirective} blocked ${e.blockedURI || e.sample} at ${e.sourceFile}:${e.lineNumber}`,
        );
      },
      true,
    );
  });
  page.on('console', (message) => {
    // The first words say what was refused; the rest repeats the whole policy.
    if (message.type() === 'error' && CSP_CONSOLE.test(message.text()))
      violations.push(`${page.url()}: ${message.text().slice(0, 160)}`);
  });
  return violations;
}

async function signIn(page: Page, who: { email: string; password: string }): Promise<void> {
  await page.goto('/en/sign-in');
  await page.getByLabel('Email').fill(who.email);
  await page.getByLabel('Password').fill(who.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/en\/account$/);
}

/** The page has loaded, its islands have hydrated and anything they fetch has come back. */
async function settled(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  await expect(page.locator('astro-island[ssr]')).toHaveCount(0);
}

test.describe('every page type under the Content-Security-Policy', () => {
  test('shopper pages: home, search, product, cart, checkout, sign-in, account', async ({ page }) => {
    const violations = await watchCsp(page);
    await page.goto('/en/');
    await settled(page);

    // The header's search island suggests as you type.
    await page.getByRole('combobox').first().fill('dừa');
    await expect(page.getByRole('option').first()).toBeVisible();
    await page.goto('/en/search?q=d%E1%BB%ABa');
    await settled(page);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();

    // The product page's live offer is a server island; adding to the cart is a React island.
    await page.goto(`/en/products/${PRODUCT}`);
    await settled(page);
    await page.getByRole('button', { name: 'Add to cart' }).click();
    await page.goto('/en/cart');
    await settled(page);
    await expect(page.getByRole('link', { name: 'Check out' })).toBeVisible();
    await page.goto('/en/checkout');
    await settled(page);
    await expect(page.getByLabel('Phone number')).toBeVisible();

    await signIn(page, SHOPPER);
    await settled(page);
    await page.goto('/en/forgot-password');
    await settled(page);
    expect(violations).toEqual([]);
  });

  test('producer pages: the public producer page and the producer console', async ({ page }) => {
    const violations = await watchCsp(page);
    await page.goto('/en/producers/chuoi-kho-tran-van-thoi');
    await settled(page);
    await signIn(page, PRODUCER);
    await page.goto('/en/producer');
    await settled(page);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    expect(violations).toEqual([]);
  });

  test('fairs: the fair page with its floor plan, and the promoter console with its charts', async ({
    page,
  }) => {
    const violations = await watchCsp(page);
    await page.goto('/en/fairs');
    await settled(page);
    await page
      .getByRole('link', { name: /Fair \(demo\)/ })
      .first()
      .click();
    await settled(page);
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Fair');
    await signIn(page, PROMOTER);
    for (const path of ['/en/promoter', '/en/promoter/trade-fairs']) {
      await page.goto(path);
      await settled(page);
    }
    // The demo fair's report: server-drawn SVG charts.
    await page.getByRole('link', { name: 'Report' }).first().click();
    await settled(page);
    await expect(page.locator('svg[role="img"]').filter({ visible: true }).first()).toBeVisible();
    expect(violations).toEqual([]);
  });
});

/** The headers every response carries. */
function expectBaseHeaders(response: APIResponse): void {
  const headers = response.headers();
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
  expect(headers['x-frame-options']).toBe('DENY');
  expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
  // HSTS only in production (NODE_ENV=production); the tests run the build over plain http.
  expect(headers['strict-transport-security']).toBeUndefined();
}

/** A page's own policy: scripts and styles by hash, never 'unsafe-inline'. */
function expectPagePolicy(response: APIResponse): void {
  const csp = response.headers()['content-security-policy'] ?? '';
  expect(csp).toMatch(/script-src 'self'[^;]* 'sha256-/);
  expect(csp).toMatch(/style-src 'self'[^;]* 'sha256-/);
  expect(csp).not.toContain('unsafe-inline');
  expect(csp).toContain("object-src 'none'");
}

test.describe('headers', () => {
  test('a prerendered page and an on-demand page carry their policy as a header, not a meta tag', async ({
    request,
  }) => {
    for (const path of [`/en/products/${PRODUCT}`, '/en/', '/en/sign-in']) {
      const response = await request.get(path);
      expect(response.status(), path).toBe(200);
      expectBaseHeaders(response);
      expectPagePolicy(response);
      expect(await response.text()).not.toMatch(/http-equiv="content-security-policy"/i);
    }
  });

  test('a static file and an API answer carry the baseline policy and the other headers', async ({
    request,
  }) => {
    const page = await (await request.get(`/en/products/${PRODUCT}`)).text();
    const script = /"(\/_astro\/[^"]+\.js)"/.exec(page)?.[1];
    expect(script).toBeDefined();
    for (const path of [script!, '/favicon.svg', '/api/search?q=dua']) {
      const response = await request.get(path);
      expect(response.status(), path).toBe(200);
      expectBaseHeaders(response);
      expect(response.headers()['content-security-policy']).toContain("default-src 'self'");
    }
  });
});

test.describe('a hostile product story', () => {
  const fixture = readFileSync('tests/fixtures/hostile-story/products/tom-kho-mau/index.md', 'utf8');
  /** The story: the Markdown after the front matter (a <script>, onerror, an <iframe>, javascript: links). */
  const story = fixture.split(/^---$/m).slice(2).join('---');

  /** Serves the real product page (with its real headers) with `html` in place of its origin story. */
  async function productPageWithStory(page: Page, html: string): Promise<void> {
    await page.route(`**/products/${PRODUCT}`, async (route) => {
      const response = await route.fetch();
      const body = (await response.text()).replace(
        /(<section class="story prose"[^>]*>\s*<h2[^>]*>[\s\S]*?<\/h2>)[\s\S]*?(<\/section>)/,
        (_, head: string, end: string) => `${head}<div data-story>${html}</div>${end}`,
      );
      expect(body).toContain('data-story');
      const headers = response.headers();
      delete headers['content-length'];
      await route.fulfill({ response, body, headers });
    });
    await page.goto(`/products/${PRODUCT}`);
  }

  /** Clicks the story's javascript: links (or what is left of them) and checks that nothing of the story ran. */
  async function expectInert(page: Page, dialogs: string[]): Promise<void> {
    const storyBox = page.locator('[data-story]');
    await storyBox
      .getByText(/Nhấn vào đây/)
      .first()
      .click();
    const rawLink = storyBox.locator('a', { hasText: /^đây$/ });
    if ((await rawLink.count()) > 0) await rawLink.click();
    await page.waitForLoadState('load');
    expect(await page.evaluate(() => (window as { __pwned?: unknown }).__pwned)).toBeUndefined();
    expect(dialogs).toEqual([]);
    await expect(page).toHaveURL(new RegExp(`/products/${PRODUCT}$`));
  }

  test('rendered through the site’s Markdown pipeline, it keeps its formatting and loses every live part', async ({
    page,
  }) => {
    const config = (await import('../../astro.config.mjs')).default;
    const renderer = await config.markdown!.processor!.createRenderer({});
    const { code } = await renderer.render(story);
    const violations = await watchCsp(page);
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await productPageWithStory(page, code);
    const storyBox = page.locator('[data-story]');
    await expect(storyBox.locator('strong')).toHaveText('chữ đậm');
    await expect(storyBox.getByRole('link', { name: 'bài báo nguồn' })).toHaveAttribute(
      'href',
      'https://example.com/bai-bao',
    );
    await expect(
      storyBox.locator('script, iframe, [onerror], [onload], [href^="javascript:" i]'),
    ).toHaveCount(0);
    await expect(storyBox.getByRole('link', { name: /Nhấn vào đây|^đây$/ })).toHaveCount(0);
    await expectInert(page, dialogs);
    expect(violations).toEqual([]);
  });

  test('even unsanitised, the page’s policy stops its script, handlers, frame and javascript: links', async ({
    page,
  }) => {
    const violations = await watchCsp(page);
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    // The story's raw HTML as if no sanitiser had run: the second line of defence on its own.
    await productPageWithStory(page, story);
    await expect(page.locator('[data-story] a[href^="javascript:"]')).toHaveCount(1);
    await expectInert(page, dialogs);
    const frame = page.frames().find((f) => f.url().includes('evil.example'));
    expect(frame).toBeUndefined();
    // The browser says why: the inline script and handlers and the foreign frame were refused by the policy.
    expect(violations.some((v) => v.startsWith('script-src'))).toBe(true);
    expect(violations.some((v) => v.startsWith('frame-src'))).toBe(true);
  });
});

test.describe('throttles', () => {
  test('the sixth reset request for one email within the hour gets 429, Retry-After and when to retry', async ({
    request,
    baseURL,
  }) => {
    const email = `reset-${Date.now()}@example.com`;
    const statuses: number[] = [];
    let last: APIResponse | null = null;
    for (let attempt = 1; attempt <= 6; attempt++) {
      last = await request.post('/en/forgot-password?_action=accounts.requestPasswordReset', {
        headers: { Origin: baseURL! },
        form: { email },
        maxRedirects: 0,
      });
      statuses.push(last.status());
    }
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
    const retryAfter = Number(last!.headers()['retry-after']);
    expect(retryAfter).toBeGreaterThan(3500);
    expect(retryAfter).toBeLessThanOrEqual(3600);
    expect(await last!.text()).toContain('Too many password reset requests. Try again in 60 minutes.');
  });
});
