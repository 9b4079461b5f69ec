/**
 * The database schema, the index of every feature's tables (Drizzle, PostgreSQL dialect; PGlite runs the same SQL).
 * Each table lives in the schema file of its area; this file only re-exports them, so drizzle-kit and the client
 * see one schema and no schema file imports another through here.
 * After a change: `npx drizzle-kit generate` writes the next migration into ./migrations, which is committed.
 */
export * from './schema-accounts';
export * from './schema-fairs';
export * from './schema-commerce';
export * from './schema-catalog';
export * from './schema-payments';
export * from './schema-throttle';
export * from './schema-portal';
