/**
 * What the fairs' browser tests share: the demo promoter and producer, a page signed in as one of them, and a
 * calendar day relative to today as the date inputs take it.
 */
import type { Browser, Page } from '@playwright/test';

export const PROMOTER = { email: 'promoter@example.com', password: 'ocop-promoter-demo' };
export const PRODUCER = { email: 'producer@example.com', password: 'ocop-producer-demo' };

/** A Vietnam calendar day `days` from now, as the date inputs take it. */
export function dayFromNow(days: number): string {
  return new Date(Date.now() + 7 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);
}

/** A fresh browser context signed in through the English sign-in form, left on `next`. */
export async function signedInPage(
  browser: Browser,
  who: { email: string; password: string },
  next: string,
): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto(`/en/sign-in?next=${encodeURIComponent(next)}`);
  await page.getByLabel('Email').fill(who.email);
  await page.getByLabel('Password').fill(who.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(`**${next}`);
  return page;
}
