/**
 * The catalogue as search documents, written into the build as /search-documents.json. The search integration
 * (at build), `npm run search:index` and `npm start` index this file into Meilisearch.
 */
import type { APIRoute, ImageMetadata } from 'astro';
import { getImage } from 'astro:assets';
import { allProducts, englishStory } from '~/features/catalog/catalog.server';
import { toSearchDocument, type SearchDocumentsFile } from '~/features/search/documents';

export const prerender = true;

export const GET: APIRoute = async () => {
  const products = await allProducts();
  const documents = await Promise.all(
    products.map(async (product) => {
      const data = product.entry.data;
      // The collection schema builds images with image(), so src is image metadata.
      const cover = data.images[0]! as { src: ImageMetadata };
      // A small square thumbnail for result cards, made by the same image pipeline as the pages.
      const thumb = await getImage({ src: cover.src, width: 160, height: 160, fit: 'cover', format: 'webp' });
      return toSearchDocument({
        slug: product.slug,
        name: data.name,
        summary: data.summary,
        unit: data.unit,
        group: data.group,
        stars: product.stars,
        score: data.certification.score,
        price: data.price,
        certificateValid: product.status === 'valid',
        tags: data.tags,
        ingredients: data.ingredients,
        exportMarkets: data.exportMarkets,
        story: { vi: product.entry.body ?? '', en: (await englishStory(product.slug)).body ?? '' },
        producer: {
          id: product.producer.id,
          name: { vi: product.producer.data.name, en: product.producer.data.nameEn },
          kind: product.producer.data.kind,
          commune: product.producer.data.commune,
          formerDistrict: product.producer.data.formerDistrict,
        },
        province: { id: product.province.id, name: product.province.data.name },
        image: { src: thumb.src, width: 160, height: 160 },
      });
    }),
  );
  const file: SearchDocumentsFile = { format: 1, generatedAt: new Date().toISOString(), documents };
  return new Response(JSON.stringify(file), { headers: { 'Content-Type': 'application/json' } });
};
