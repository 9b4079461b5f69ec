/**
 * Accounts in real Chromium against the production build: each demo role signs in and sees its own navigation;
 * role pages refuse the wrong roles on the server; cross-site form posts are refused; sign-in is throttled.
 */
import { expect, test, type Page } from '@playwright/test';

const demo = {
  shopper: { email: 'shopper@example.com', password: 'ocop-shopper-demo', name: 'Lan Nguyễn', console: null },
  producer: {
    email: 'producer@example.com',
    password: 'ocop-producer-demo',
    name: 'Minh Trần (Đông Á)',
    console: 'Trang chủ thể',
  },
  promoter: {
    email: 'promoter@example.com',
    password: 'ocop-promoter-demo',
    name: 'Hoa Lê (Sở NN&MT Bến Tre)',
    console: 'Xúc tiến thương mại',
  },
  admin: {
    email: 'admin@example.com',
    password: 'ocop-admin-demo',
    name: 'Quản trị viên',
    console: 'Quản trị',
  },
} as const;
const consoles = ['Trang chủ thể', 'Xúc tiến thương mại', 'Quản trị'];

async function signIn(page: Page, who: (typeof demo)[keyof typeof demo]) {
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(who.email);
  await page.getByLabel('Mật khẩu').fill(who.password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(page).toHaveURL(/\/account$/);
}

/** Opens the header's account menu (a server island) and returns its navigation. */
async function accountMenu(page: Page, name: string) {
  await page.getByText(name, { exact: true }).first().click();
  const nav = page.getByRole('navigation', { name: 'Tài khoản' });
  await expect(nav).toBeVisible();
  return nav;
}

for (const [role, who] of Object.entries(demo)) {
  test(`the ${role} demo account signs in and sees its own navigation`, async ({ page }) => {
    await signIn(page, who);
    await expect(page.getByRole('heading', { level: 1, name: 'Tài khoản của tôi' })).toBeVisible();
    // The header on a prerendered catalogue page shows who is signed in, through the server island.
    await page.goto('/products');
    const nav = await accountMenu(page, who.name);
    await expect(nav.getByText(who.email)).toBeVisible();
    for (const label of consoles) {
      await expect(nav.getByRole('link', { name: label })).toHaveCount(label === who.console ? 1 : 0);
    }
    if (who.console) {
      await nav.getByRole('link', { name: who.console }).click();
      await expect(page.getByRole('heading', { level: 1 })).toContainText(who.console);
    }
    await page.goto('/account');
    await page.getByRole('main').getByRole('button', { name: 'Đăng xuất' }).click();
    await expect(page).toHaveURL(/\/$/);
    await page.goto('/account');
    await expect(page).toHaveURL(/\/sign-in\?next=%2Faccount$/);
  });
}

test('the producer dashboard shows Dong A and its coconut candies', async ({ page }) => {
  await signIn(page, demo.producer);
  await page.goto('/en/producer');
  await expect(
    page.getByRole('heading', { level: 2, name: 'Dong A General Production and Trading Co., Ltd.' }),
  ).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Your products (4)' })).toBeVisible();
});

test('the promoter console shows Ben Tre and only Ben Tre', async ({ page }) => {
  await signIn(page, demo.promoter);
  await page.goto('/en/promoter');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Promoter console · Ben Tre');
  await expect(
    page.getByRole('link', { name: 'Dong A General Production and Trading Co., Ltd.' }),
  ).toBeVisible();
  await expect(page.getByRole('link', { name: /Minh Quach/ })).toHaveCount(0);
});

test('a shopper opening the promoter console, the producer dashboard or the admin page by URL is refused', async ({
  page,
}) => {
  await signIn(page, demo.shopper);
  for (const path of ['/promoter', '/producer', '/admin', '/en/promoter']) {
    const response = await page.goto(path);
    expect(response?.status()).toBe(403);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      /Không có quyền truy cập|Access refused/,
    );
    await expect(page.getByRole('table')).toHaveCount(0);
  }
});

test('a promoter cannot open the admin page, and a visitor is sent to sign in first', async ({ page }) => {
  await page.goto('/admin');
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fadmin$/);
  await page.getByLabel('Email').fill(demo.promoter.email);
  await page.getByLabel('Mật khẩu').fill(demo.promoter.password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(page).toHaveURL(/\/admin$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Không có quyền truy cập');
});

test('an admin makes a new account a producer of a catalogue producer', async ({ page }) => {
  const email = `coop-${test.info().workerIndex}-${test.info().retry}-${Date.now()}@example.com`;
  await page.goto('/en/sign-up');
  await page.getByLabel('Full name').fill('Ba Hợp tác xã');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill('coconut-coop-1');
  await page.getByRole('button', { name: 'Create an account' }).click();
  await expect(page).toHaveURL(/\/en\/account$/);
  await page.context().clearCookies();

  await signIn(page, demo.admin);
  await page.goto('/en/admin');
  const form = page.getByRole('form', { name: `Change the role of ${email}` });
  await form.getByLabel('Role', { exact: true }).selectOption('producer');
  await form.getByRole('button', { name: 'Save' }).click();
  // A producer without its producer is refused with the field named, and nothing changes.
  await expect(page.getByRole('main').getByRole('alert')).toHaveText('Please correct the marked fields.');
  await expect(page.getByText('Choose the OCOP producer.')).toBeVisible();
  await page
    .getByRole('form', { name: `Change the role of ${email}` })
    .getByLabel('Role', { exact: true })
    .selectOption('producer');
  await page
    .getByRole('form', { name: `Change the role of ${email}` })
    .getByLabel('Producer', { exact: true })
    .selectOption('htx-xu-dua');
  await page
    .getByRole('form', { name: `Change the role of ${email}` })
    .getByRole('button', { name: 'Save' })
    .click();
  await expect(page.getByRole('main').getByRole('status')).toHaveText('Role saved.');
  await expect(page.getByRole('listitem').filter({ hasText: email })).toContainText('Producer');
});

test.describe('form posts at the HTTP boundary', () => {
  test('only an admin may send a failed message again, and an unknown one is named as such', async ({
    playwright,
    baseURL,
  }) => {
    const retry = async (who: (typeof demo)['promoter' | 'admin'] | null) => {
      const api = await playwright.request.newContext({ baseURL: baseURL! });
      const headers = { Origin: baseURL! };
      if (who) {
        const signedIn = await api.post('/sign-in?_action=accounts.signIn', {
          headers,
          form: { email: who.email, password: who.password },
          maxRedirects: 0,
        });
        expect(signedIn.status()).toBe(303);
      }
      const response = await api.post('/_actions/mail.retry', { headers, form: { messageId: '2147483000' } });
      const answer = { status: response.status(), body: await response.text() };
      await api.dispose();
      return answer;
    };
    expect((await retry(null)).status).toBe(401);
    expect((await retry(demo.promoter)).status).toBe(403);
    const admin = await retry(demo.admin);
    expect(admin.status).toBe(404);
    expect(admin.body).toContain('retryUnknown');
  });

  test('a cross-site form post is refused and signs nobody in', async ({ request, baseURL }) => {
    const response = await request.post('/sign-in?_action=accounts.signIn', {
      headers: { Origin: 'https://evil.example' },
      form: { email: demo.admin.email, password: demo.admin.password },
      maxRedirects: 0,
    });
    expect(response.status()).toBe(403);
    expect(response.headers()['set-cookie']).toBeUndefined();
    // The same post from the site itself works, so the refusal is about the origin.
    const same = await request.post('/sign-in?_action=accounts.signIn', {
      headers: { Origin: baseURL! },
      form: { email: demo.admin.email, password: demo.admin.password },
      maxRedirects: 0,
    });
    expect(same.status()).toBe(303);
    expect(same.headers()['set-cookie']).toMatch(/session_token=.+HttpOnly; SameSite=Lax/);
  });

  test('bad sign-up input gets 400 with the fields named, and no account', async ({ request, baseURL }) => {
    const response = await request.post('/en/sign-up?_action=accounts.signUp', {
      headers: { Origin: baseURL! },
      form: { name: '', email: 'not-an-email', password: 'short' },
      maxRedirects: 0,
    });
    expect(response.status()).toBe(400);
    const html = await response.text();
    expect(html).toContain('Enter your name.');
    expect(html).toContain('This is not a valid email');
    expect(html).toContain('The password needs at least 10 characters.');
    expect(response.headers()['set-cookie']).toBeUndefined();
  });

  test('the 12th wrong password within a minute is throttled', async ({ request, baseURL }) => {
    const email = `throttle-${Date.now()}@example.com`;
    const statuses: number[] = [];
    for (let attempt = 1; attempt <= 12; attempt++) {
      const response = await request.post('/en/sign-in?_action=accounts.signIn', {
        headers: { Origin: baseURL! },
        form: { email, password: `wrong-password-${attempt}` },
        maxRedirects: 0,
      });
      statuses.push(response.status());
      if (attempt === 12) {
        expect(await response.text()).toMatch(/Too many failed sign-ins\. Try again in \d+ seconds\./);
        expect(Number(response.headers()['retry-after'])).toBeGreaterThan(0);
        expect(Number(response.headers()['retry-after'])).toBeLessThanOrEqual(60);
      }
      if (attempt === 1) expect(await response.text()).toContain('Wrong email or password.');
    }
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(401));
    expect(statuses.slice(10)).toEqual([429, 429]);
  });
});
