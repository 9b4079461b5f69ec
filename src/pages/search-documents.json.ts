/**
 * The catalogue as search documents, written into the build as /search-documents.json. The search integration
 * (at build), `npm run search:index` and `npm start` index this file into Meilisearch.
 */
import type { APIRoute, ImageMetadata } from 'astro';
import { getImage } from 'astro:assets';
import { allProducts, searchSourceOf } from '~/features/catalog/catalog.server';
import { fileStories } from '~/features/catalog/stories.server';
import { toSearchDocument, type SearchDocumentsFile } from '~/features/search/documents';

export const prerender = true;

export const GET: APIRoute = async () => {
  const products = await allProducts();
  const documents = await Promise.all(
    products.map(async (product) => {
      // The collection schema builds images with image(), so src is image metadata.
      const cover = product.entry.data.images[0]! as { src: ImageMetadata };
      // A small square thumbnail for result cards, made by the same image pipeline as the pages.
      const thumb = await getImage({ src: cover.src, width: 160, height: 160, fit: 'cover', format: 'webp' });
      const story = await fileStories(product.slug);
      return toSearchDocument(searchSourceOf(product, story, { src: thumb.src, width: 160, height: 160 }));
    }),
  );
  const file: SearchDocumentsFile = { format: 1, generatedAt: new Date().toISOString(), documents };
  return new Response(JSON.stringify(file), { headers: { 'Content-Type': 'application/json' } });
};
