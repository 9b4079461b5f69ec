/** Creates the demo accounts (./demo-accounts.ts) with their roles, in development. */
import { isAPIError } from 'better-auth/api';
import { eq } from 'drizzle-orm';
import { users } from '~/lib/db/schema';
import type { AuthContext } from './auth.server';
import type { DemoAccount } from './demo-accounts';

/** Creates the demo accounts that do not exist yet, with their roles. Idempotent; returns the emails created. */
export async function seedDemoAccounts(ctx: AuthContext, demo: readonly DemoAccount[]): Promise<string[]> {
  const created: string[] = [];
  for (const account of demo) {
    const [existing] = await ctx.db
      .select({ id: users.id })
      .from(users)
      .where(eq(users.email, account.email));
    if (existing) continue;
    let userId: string;
    try {
      const result = await ctx.auth.api.signUpEmail({
        body: { name: account.name, email: account.email, password: account.password },
      });
      userId = result.user.id;
    } catch (error) {
      // Another server process seeded it first.
      if (isAPIError(error) && error.body?.code?.startsWith('USER_ALREADY_EXISTS')) continue;
      throw error;
    }
    await ctx.db
      .update(users)
      .set({
        role: account.role,
        producerId: account.producerId,
        provinceId: account.provinceId,
        emailVerified: true,
      })
      .where(eq(users.id, userId));
    created.push(account.email);
  }
  return created;
}
