/** Role assignment by admins: the list of accounts and the change of a role with its scope, recorded. */
import { asc, eq } from 'drizzle-orm';
import { roleChanges, users } from '~/lib/db/schema';
import {
  can,
  roleAssignmentProblems,
  type Actor,
  type CatalogueIndex,
  type RoleAssignment,
} from './accounts';
import { toSignedInUser, type AuthContext, type SignedInUser } from './auth.server';

export type RoleAssignmentResult =
  | { ok: true }
  | { ok: false; reason: 'forbidden' | 'not-found' }
  | { ok: false; reason: 'invalid'; fields: Partial<Record<'producerId' | 'provinceId', string>> };

/** Every account, for the admin page (admins only). */
export async function listUsers(
  ctx: AuthContext,
  actor: Actor | null,
): Promise<SignedInUser[] | 'forbidden'> {
  if (!can(actor, 'admin.console', null)) return 'forbidden';
  const rows = await ctx.db.select().from(users).orderBy(asc(users.email));
  return rows.map(toSignedInUser);
}

/**
 * Gives a user a role with its scope (producer link or promoter province) and records who did it.
 * Checked on the server: only admins, never on themselves, only with ids that exist in the catalogue.
 */
export async function assignRole(
  ctx: AuthContext,
  actor: Actor | null,
  assignment: RoleAssignment,
  catalogue: CatalogueIndex,
): Promise<RoleAssignmentResult> {
  if (!actor || !can(actor, 'user.setRole', { userId: assignment.userId }))
    return { ok: false, reason: 'forbidden' };
  const fields = roleAssignmentProblems(assignment, catalogue);
  if (Object.keys(fields).length > 0) return { ok: false, reason: 'invalid', fields };
  const { userId, role, producerId, provinceId } = assignment;
  return ctx.db.transaction(async (tx) => {
    const updated = await tx
      .update(users)
      .set({ role, producerId, provinceId })
      .where(eq(users.id, userId))
      .returning({ id: users.id });
    if (updated.length === 0) return { ok: false as const, reason: 'not-found' as const };
    await tx.insert(roleChanges).values({ userId, role, producerId, provinceId, changedBy: actor.id });
    return { ok: true as const };
  });
}
