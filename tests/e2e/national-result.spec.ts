/**
 * The national result of a 5-star candidate, in real Chromium against the production build: Cà Mau's promoter
 * records SK NONI's 5-star recognition in the console (a score below the band is refused first, naming the
 * field), and the prerendered product page shows 5 stars and the history without a rebuild (server islands).
 * Bến Tre's promoter posting a result for the same product is refused, and nothing is written.
 */
import { expect, test, type Page } from '@playwright/test';

const CANDIDATE = 'nuoc-cot-nhau-sk-noni';
const caMau = { email: 'promoter-camau@example.com', password: 'ocop-promoter-camau-demo' };
const benTre = { email: 'promoter@example.com', password: 'ocop-promoter-demo' };

async function signIn(page: Page, who: { email: string; password: string }) {
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(who.email);
  await page.getByLabel('Mật khẩu').fill(who.password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(page).toHaveURL(/\/account$/);
}

function candidateRow(page: Page) {
  return page.getByTestId(`candidate-${CANDIDATE}`);
}

async function fillResult(page: Page, score: string) {
  const row = candidateRow(page);
  // The form is folded away until opened; after a refusal it comes back open.
  if (!(await row.getByLabel('Kết quả', { exact: true }).isVisible()))
    await row.getByText('Ghi nhận kết quả đánh giá cấp quốc gia').click();
  await row.getByLabel('Kết quả', { exact: true }).selectOption('recognised');
  await row.getByLabel('Ngày quyết định / ngày có kết quả').fill('2026-10-30');
  await row.getByLabel('Số quyết định (khi được công nhận)').fill('1234/QĐ-BNNMT');
  await row.getByLabel('Điểm đánh giá (90–100, khi được công nhận)').fill(score);
  await row.getByRole('button', { name: 'Lưu kết quả' }).click();
}

test('Bến Tre’s promoter cannot record a result for a Cà Mau candidate', async ({ page, baseURL }) => {
  await signIn(page, benTre);
  const response = await page.request.post(`/promoter?_action=catalog.recordNationalResult`, {
    headers: { Origin: baseURL! },
    form: {
      productId: CANDIDATE,
      outcome: 'recognised',
      decidedOn: '2026-10-30',
      decisionNumber: '9999/QĐ-BNNMT',
      score: '95',
      level: 'national',
    },
    maxRedirects: 0,
  });
  expect(response.status()).toBe(403);
  await page.goto(`/products/${CANDIDATE}`);
  await expect(page.getByTestId('certification-history')).toBeVisible();
  await expect(page.getByTestId('certification-history')).not.toContainText('9999/QĐ-BNNMT');
});

test('Cà Mau’s promoter records a 5-star recognition and the product page shows it', async ({ page }) => {
  await page.goto(`/products/${CANDIDATE}`);
  await expect(page.getByTestId('certificate-stars')).toHaveText('4');

  await signIn(page, caMau);
  await page.goto('/promoter');
  await expect(candidateRow(page)).toContainText('Nước cốt nhàu SK NONI');

  // Below the 5-star band: the field says why, nothing is saved.
  await fillResult(page, '85');
  await expect(page.getByRole('alert').first()).toBeVisible();
  await expect(candidateRow(page)).toContainText('Sản phẩm 5 sao phải đạt từ 90 đến 100 điểm.');
  await expect(candidateRow(page).getByTestId('certification-history')).not.toContainText('1234/QĐ-BNNMT');

  await fillResult(page, '92');
  await expect(page.getByRole('status').filter({ hasText: 'Đã lưu kết quả đánh giá.' })).toBeVisible();
  await expect(candidateRow(page).getByTestId('certification-history')).toContainText(
    'Được công nhận OCOP 5 sao cấp quốc gia ngày 30 tháng 10, 2026, quyết định 1234/QĐ-BNNMT, 92 điểm',
  );

  // The prerendered page, unchanged since the build, shows the recognition through its server islands.
  await page.goto(`/products/${CANDIDATE}`);
  const panel = page.getByTestId('certification-panel');
  await expect(panel.getByTestId('certificate-stars')).toHaveText('5');
  await expect(panel.getByRole('img', { name: 'OCOP 5 sao' })).toBeVisible();
  await expect(page.getByRole('img', { name: 'OCOP 5 sao' }).first()).toBeVisible();
  await expect(panel.getByTestId('certification-history')).toContainText(
    'Đã được thay thế bằng quyết định công nhận cấp quốc gia ngày 30 tháng 10, 2026.',
  );
  await expect(panel.getByTestId('certification-history')).toContainText('Tỉnh gửi hồ sơ đề nghị');

  await page.goto(`/en/products/${CANDIDATE}`);
  const en = page.getByTestId('certification-panel');
  await expect(en.getByTestId('certificate-stars')).toHaveText('5');
  await expect(en.getByTestId('certification-history')).toContainText(
    'Replaced by the national recognition of 30 October 2026.',
  );
  await expect(en).toContainText('Issued by the Ministry of Agriculture and Environment (central level)');

  // The printable label prints the certificate that applies now.
  await page.goto(`/en/products/${CANDIDATE}/label`);
  await expect(page.getByTestId('label-decision')).toHaveText('1234/QĐ-BNNMT');
});
