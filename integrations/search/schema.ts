/** Options of the search integration: strict, every option has a default, errors name the option. */
import { z } from 'zod';

export const searchIntegrationOptionsSchema = z
  .object({
    indexOnBuild: z
      .enum(['auto', 'always', 'never'], { error: 'must be "auto", "always" or "never"' })
      .default('auto')
      .describe(
        'auto: after `astro build`, index into MEILI_URL when it is set, warn and carry on if that fails; always: fail the build when indexing fails or MEILI_URL is unset; never: leave indexing to npm start / npm run search:index',
      ),
    devServer: z
      .boolean({ error: 'must be true or false' })
      .default(true)
      .describe('In `astro dev` without MEILI_URL, run the embedded Meilisearch and index the catalogue'),
    dataDir: z
      .string({ error: 'must be a folder path' })
      .min(1)
      .optional()
      .describe(
        'Folder of the embedded Meilisearch (data and generated master key); default $DATA_DIR/meili',
      ),
    batchSize: z
      .number({ error: 'must be a number' })
      .int()
      .min(1)
      .max(100_000)
      .default(5000)
      .describe('Documents sent per Meilisearch task'),
    taskTimeoutMs: z
      .number({ error: 'must be a number of milliseconds' })
      .int()
      .min(1000)
      .default(300_000)
      .describe('How long to wait for each indexing task'),
  })
  .strict();

export type SearchIntegrationOptions = z.input<typeof searchIntegrationOptionsSchema>;
export type ResolvedSearchOptions = z.output<typeof searchIntegrationOptionsSchema>;

/** Validates the options; the error names each bad option and says what it must be. */
export function resolveOptions(options: SearchIntegrationOptions | undefined): ResolvedSearchOptions {
  const parsed = searchIntegrationOptionsSchema.safeParse(options ?? {});
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((i) =>
    i.code === 'unrecognized_keys'
      ? `unknown option(s) ${i.keys.map((k) => `"${k}"`).join(', ')}`
      : `option "${i.path.join('.')}" ${i.message}`,
  );
  throw new Error(`ocop-search: ${problems.join('; ')}`);
}
