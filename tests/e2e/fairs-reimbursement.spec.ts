/**
 * Reimbursement end to end, in real Chromium against the production build: a promoter starts a policy from the
 * national trade-promotion preset (reimbursement, VAT left out of the base, 100% at mountain-area fairs), fixes
 * a rate table the form refused, and runs a mountain-area fair quoting prices without VAT. The producer holds two
 * booths and pays both in full (bank transfers the promoter records), enters its invoice for one (a future date
 * is refused), the promoter confirms that attendance (repayment granted; without an invoice it is refused) and
 * records the other as a no-show (subsidy clawed back). The report and the settlement CSV show both.
 */
import { expect as baseExpect, test } from '@playwright/test';
import { dayFromNow, PRODUCER, PROMOTER, signedInPage } from './fairs-helpers';

// Each post renders a page on the server; on a machine shared with other work that can take longer than 5 s.
const expect = baseExpect.configure({ timeout: 30_000 });

test('reimbursement: pay in full, invoice, attendance repays; a no-show is clawed back', async ({
  browser,
}) => {
  // A long flow: two signed-in pages and about forty page loads, on a machine shared with other work.
  test.setTimeout(600_000);
  const stamp = Date.now();
  const policyName = `National programme ${stamp}`;
  const fairName = `Mountain OCOP Fair ${stamp}`;
  const promoter = await signedInPage(browser, PROMOTER, '/en/promoter/trade-fairs');

  await test.step('the promoter starts from the national preset; overlapping rate steps are refused', async () => {
    await promoter.getByRole('link', { name: 'New policy' }).click();
    await promoter.getByRole('link', { name: 'National trade-promotion programme' }).click();
    await expect(promoter.getByLabel('How the money flows')).toHaveValue('reimbursement');
    await promoter.getByLabel('Policy name', { exact: true }).fill(policyName);
    await promoter.getByLabel('Budget (₫)', { exact: true }).fill('200000000');
    await promoter.getByLabel('Supported booths per fair, at most').fill('');
    await promoter.locator('#terms-history1-from').fill('1');
    await promoter.locator('#terms-history1-to').fill('2');
    await promoter.locator('#terms-history1-rate').fill('100');
    await promoter.locator('#terms-history2-from').fill('2');
    await promoter.locator('#terms-history2-rate').fill('70');
    await promoter.getByRole('button', { name: 'Save' }).click();
    await expect(
      promoter.getByText('This step overlaps the one before: it should start at 3.'),
    ).toBeVisible();
    await expect(promoter.locator('#terms-history2-from')).toHaveAttribute('aria-invalid', 'true');
    await promoter.locator('#terms-history2-from').fill('3');
    await promoter.getByRole('button', { name: 'Save' }).click();
    await expect(promoter.getByRole('link', { name: policyName })).toBeVisible();
  });

  let fairPath = '';
  let consolePath = '';
  await test.step('a mountain-area fair quoting prices without VAT (8%), two booths, published', async () => {
    await promoter.getByRole('link', { name: 'New fair' }).click();
    await promoter.getByLabel('Name (Vietnamese)', { exact: true }).fill(`Hội chợ OCOP vùng cao ${stamp}`);
    await promoter.getByLabel('Name (English)', { exact: true }).fill(fairName);
    await promoter.getByLabel('Venue', { exact: true }).fill('Mộc Châu Cultural Centre');
    await promoter.getByLabel('City', { exact: true }).fill('Mộc Châu');
    await promoter.getByLabel('Organiser', { exact: true }).fill('Trade Promotion Centre');
    await promoter.getByLabel('Subsidy policy', { exact: true }).selectOption({ label: policyName });
    await promoter.getByLabel('Opens on', { exact: true }).fill(dayFromNow(0));
    await promoter.getByLabel('Closes on', { exact: true }).fill(dayFromNow(2));
    await promoter.getByLabel('Application deadline', { exact: true }).fill(dayFromNow(0));
    await promoter.getByLabel('Hall width (m)', { exact: true }).fill('12');
    await promoter.getByLabel('Hall depth (m)', { exact: true }).fill('6');
    await promoter.getByLabel('Where the fair is').selectOption({ label: 'mountain area' });
    await promoter.getByLabel('Booth prices').selectOption({ label: 'Exclude VAT (added on top)' });
    await promoter.getByLabel('VAT rate').selectOption({ label: '8%' });
    await promoter.getByRole('button', { name: 'New fair' }).click();
    await expect(promoter.getByRole('heading', { name: /Edit the floor plan/ })).toBeVisible();
    for (const [n, code, x] of [
      [1, 'A1', '0'],
      [2, 'A2', '3'],
    ] as const) {
      await promoter.getByLabel(`Booth ${n}: Code`).fill(code);
      await promoter.getByLabel(`Booth ${n}: x`, { exact: true }).fill(x);
      await promoter.getByLabel(`Booth ${n}: y`, { exact: true }).fill('0');
      await promoter.getByLabel(`Booth ${n}: width`).fill('3');
      await promoter.getByLabel(`Booth ${n}: depth`).fill('3');
      await promoter.getByLabel(`Booth ${n}: Price (₫)`).fill('76000000');
    }
    await promoter.getByRole('button', { name: 'Save' }).click();
    await expect(promoter.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();
    await promoter.getByRole('link', { name: 'Edit fair' }).click();
    await promoter.getByRole('button', { name: 'Publish' }).click();
    await expect(promoter.getByText('Published')).toBeVisible();
    fairPath = (await promoter.getByRole('link', { name: /^\/en\/fairs\// }).getAttribute('href'))!;
    consolePath = new URL(promoter.url()).pathname.replace(/\/(plan|bookings|report)$/, '');
  });

  const producer = await signedInPage(browser, PRODUCER, '/en/account');
  const bookingPaths: Record<string, string> = {};
  await test.step('the producer holds both booths: it pays the total now and is repaid 100% of rent before VAT', async () => {
    for (const code of ['A1', 'A2']) {
      await producer.goto(fairPath);
      await producer.getByRole('button', { name: new RegExp(`^Booth ${code}, 9 m², Available`) }).click();
      await producer.getByRole('button', { name: `Hold this booth: ${code}` }).click();
      await expect(producer.getByTestId('booking-status')).toHaveText('Held');
      await expect(producer.getByTestId('booking-subsidy')).toHaveText('− ₫76,000,000');
      bookingPaths[code] = new URL(producer.url()).pathname;
    }
    await expect(
      producer.getByText('VAT (prices exclude VAT at 8%): net ₫76,000,000, VAT ₫6,080,000'),
    ).toBeVisible();
    await expect(producer.getByText('Fair in a mountain area: rate 100%')).toBeVisible();
    await expect(
      producer.getByText(
        'Reimbursement: the producer pays ₫82,080,000 now and is repaid ₫76,000,000 after the fair',
      ),
    ).toBeVisible();
  });

  const row = (code: string) => promoter.getByRole('listitem').filter({ hasText: `Booth ${code}` });
  await test.step('the promoter records both bank transfers of the full price', async () => {
    await promoter.goto(`${consolePath}/bookings`);
    for (const code of ['A1', 'A2']) {
      await row(code).getByLabel('Transfer reference').fill(`VCB-${code}-${stamp}`);
      await row(code).getByRole('button', { name: 'Record bank transfer' }).click();
      await expect(row(code).locator('.badge')).toHaveText('Confirmed');
    }
  });

  await test.step('the producer enters its invoice for A1: a future date is refused, then saved', async () => {
    await producer.goto(bookingPaths['A1']!);
    const panel = producer.getByTestId('reimbursement');
    await expect(panel).toHaveAttribute('data-state', 'awaitingInvoice');
    await panel.getByLabel('Invoice number').fill('HD 0042');
    await panel.getByLabel('Invoice date').fill(dayFromNow(2));
    await panel.getByRole('button', { name: 'Save invoice' }).click();
    await expect(producer.getByText('The invoice date cannot be after today.')).toBeVisible();
    // What was typed comes back, so only the date needs correcting.
    await expect(producer.getByTestId('reimbursement').getByLabel('Invoice number')).toHaveValue('HD 0042');
    await producer.getByTestId('reimbursement').getByLabel('Invoice date').fill(dayFromNow(0));
    await producer.getByTestId('reimbursement').getByRole('button', { name: 'Save invoice' }).click();
    await expect(producer.getByTestId('reimbursement')).toHaveAttribute('data-state', 'awaitingAttendance');
  });

  await test.step('attendance repays A1; A2 has no invoice, so it cannot be repaid and is clawed back', async () => {
    await promoter.goto(`${consolePath}/bookings`);
    await row('A2').getByRole('button', { name: 'Confirm attendance, grant repayment' }).click();
    await expect(
      promoter.getByText('The producer has not entered its invoice yet: nothing can be repaid.').first(),
    ).toBeVisible();
    await row('A2').getByRole('button', { name: 'No-show: claw back the subsidy' }).click();
    await expect(row('A2').getByTestId('reimbursement')).toHaveAttribute('data-state', 'clawedBack');
    await row('A1').getByRole('button', { name: 'Confirm attendance, grant repayment' }).click();
    await expect(row('A1').getByTestId('reimbursement')).toHaveAttribute('data-state', 'repaid');
    await producer.goto(bookingPaths['A1']!);
    await expect(producer.getByText('Repayment of ₫76,000,000 granted.')).toBeVisible();
  });

  await test.step('the report and the settlement show the repayment, the clawback, VAT and the summary', async () => {
    await promoter.getByRole('link', { name: 'Report' }).click();
    await expect(promoter.getByTestId('report-committed')).toHaveText('₫76,000,000');
    await expect(promoter.getByTestId('settlement-summary')).toHaveText(
      'Supported 100% of booth rental costs for 1 business, total ₫76,000,000.',
    );
    const supported = promoter.getByRole('table', { name: 'Businesses supported' });
    await expect(supported.getByTestId('supported-repayment').first()).toContainText(
      'Invoice HD 0042 · Repaid',
    );
    await expect(supported.getByTestId('supported-repayment').nth(1)).toContainText('Clawed back (no-show)');
    const csv = await (
      await promoter.request.get(`${new URL(promoter.url()).pathname}.csv?settlement=1`)
    ).text();
    expect(csv).toMatch(
      new RegExp(
        `A1,[^\\r\\n]*,82080000,76000000,6080000,transfer,76000000,6080000,Reimbursement,HD 0042,${dayFromNow(0)},76000000,0\\r\\n`,
      ),
    );
    expect(csv).toMatch(
      /A2,[^\r\n]*,82080000,76000000,6080000,transfer,76000000,6080000,Reimbursement,,,0,76000000\r\n/,
    );
    expect(csv).toContain('"Supported 100% of booth rental costs for 1 business, total ₫76,000,000."');
  });
});
