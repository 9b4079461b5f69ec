import { defineConfig } from 'drizzle-kit';

// `npx drizzle-kit generate` diffs the schema against the committed migrations; the app applies them on start.
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/lib/db/schema.ts',
  out: './src/lib/db/migrations',
});
