/// <reference types="astro/client" />

declare namespace App {
  interface Locals {
    /** The signed-in user with role and scope, loaded by src/middleware.ts on every on-demand request; null when signed out. */
    user: import('./features/accounts/accounts.server').SignedInUser | null;
  }
}
