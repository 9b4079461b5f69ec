/**
 * Content files' origin stories, read from their Markdown files when their page is rendered: at build for a
 * prerendered page, per request for a page rendered on demand. They are not kept in the content store, which Astro
 * inlines into the server bundle (docs/performance.md, "National scale"); so a server that renders file products on
 * demand needs the catalogue's folder, as the build did (OCOP_CONTENT_DIR, default ./content).
 */
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { localize, type Locale, type Localized } from '~/lib/i18n';
import { markdownBody } from './stories';

const STORY_FILE: Localized = { vi: 'index.md', en: 'en.md' };

/** The story of the product `slug` (a content file's, checked by the build) in `locale`, as Markdown. */
export async function fileStory(slug: string, locale: Locale): Promise<string> {
  const root = resolve(process.env.OCOP_CONTENT_DIR || './content');
  const path = join(root, 'products', slug, localize(STORY_FILE, locale));
  try {
    return markdownBody(await readFile(path, 'utf8'));
  } catch (error) {
    // The build checked the file; a server without the catalogue's folder shows the page without its story.
    console.error(`[catalog] story of ${slug} unavailable:`, error instanceof Error ? error.message : error);
    return '';
  }
}

/** Both stories of the product `slug`. */
export async function fileStories(slug: string): Promise<Localized> {
  const [vi, en] = await Promise.all([fileStory(slug, 'vi'), fileStory(slug, 'en')]);
  return { vi, en };
}
