/**
 * The catalogue's collections. Content lives in /content (producers, products, provinces); the OCOP rules are
 * enforced by the schemas in src/features/catalog/content-schema.ts, so bad data fails `astro build` with the
 * file and the field.
 */
import { readdirSync, existsSync } from 'node:fs';
import { defineCollection, type SchemaContext } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';
import {
  localizedTextSchema,
  PRODUCER_SAMPLE_FIELDS,
  producerFieldsSchema,
  PRODUCT_SAMPLE_FIELDS,
  productFieldsSchema,
  provenanceSchema,
  refineProduct,
  sourceFieldsSchema,
} from './features/catalog/content-schema';
import { markdownFiles } from './features/catalog/markdown-loader';
import { provinceSchema } from './features/catalog/province-schema';

/** Root of the catalogue files; tests and the bench point it at a fixture or synthetic catalogue. */
const contentRoot = process.env.OCOP_CONTENT_DIR || './content';

/** Ids of the entries in a folder, so references can be checked while the schema parses. */
function entryIds(folder: string, ext: string): Set<string> {
  const dir = `${contentRoot}/${folder}`;
  if (!existsSync(dir)) return new Set();
  return new Set(
    readdirSync(dir)
      .filter((f) => f.endsWith(ext))
      .map((f) => f.slice(0, -ext.length)),
  );
}

/** A reference that must name an existing file, with a message telling the editor which ids exist. */
function existingId(folder: string, ext: string) {
  const ids = entryIds(folder, ext);
  return (id: string, ctx: z.RefinementCtx) => {
    if (!ids.has(id)) {
      ctx.addIssue({
        code: 'custom',
        message: `"${id}" does not exist: create content/${folder}/${id}${ext} or use one of: ${[...ids].sort().join(', ')}`,
      });
    }
  };
}

const imageWithAlt = (image: SchemaContext['image']) =>
  z
    .object({
      src: image().describe('Path to the image file, relative to this file'),
      alt: localizedTextSchema('image description (alt text)'),
    })
    .strict();

/** Source articles (the seeds): one YAML file each, e.g. content/sources/bao-ca-mau-2025-10-21.yaml. */
const sources = defineCollection({
  loader: glob({ pattern: '*.yaml', base: `${contentRoot}/sources` }),
  schema: sourceFieldsSchema,
});

/** A source id that must name a file in content/sources/. */
const existingSource = existingId('sources', '.yaml');

/** Provinces: one YAML file per province, e.g. content/provinces/ben-tre.yaml. */
const provinces = defineCollection({
  loader: glob({ pattern: '*.yaml', base: `${contentRoot}/provinces` }),
  schema: provinceSchema(existingSource),
});

/** Producers (OCOP entities): one YAML file each; the logo sits in content/producers/logos/. */
const producers = defineCollection({
  loader: glob({ pattern: '*.yaml', base: `${contentRoot}/producers` }),
  schema: ({ image }) =>
    producerFieldsSchema
      .extend({
        province: producerFieldsSchema.shape.province.superRefine(existingId('provinces', '.yaml')),
        logo: image().describe('Logo or photo of the producer'),
        provenance: provenanceSchema(PRODUCER_SAMPLE_FIELDS, existingSource),
      })
      .strict(),
});

/**
 * Products: content/products/<slug>/index.md holds the data and the Vietnamese origin story. The store keeps the
 * data only: stories are read from the files when their page is rendered (catalog/stories.server.ts), since the store
 * is inlined into the server bundle and the stories were half of it (docs/performance.md, "National scale").
 */
const products = defineCollection({
  loader: markdownFiles({
    base: `${contentRoot}/products`,
    file: 'index.md',
    siblings: [{ file: 'en.md', why: 'every product needs an English origin story next to index.md' }],
    keepBody: false,
  }),
  schema: ({ image }) =>
    productFieldsSchema
      .extend({
        producer: productFieldsSchema.shape.producer.superRefine(existingId('producers', '.yaml')),
        images: z
          .array(imageWithAlt(image), { error: 'is missing: add at least one image with src and alt' })
          .min(1, { error: 'needs at least one image' })
          .describe('Gallery images; the first is the cover'),
        provenance: provenanceSchema(PRODUCT_SAMPLE_FIELDS, existingSource),
      })
      .strict()
      .superRefine(refineProduct),
});

/** English origin stories: content/products/<slug>/en.md, body only (checked here, read by stories.server.ts). */
const storiesEn = defineCollection({
  loader: markdownFiles({ base: `${contentRoot}/products`, file: 'en.md', keepBody: false }),
  schema: z.object({}).strict(),
});

export const collections = { sources, provinces, producers, products, storiesEn };
