/**
 * The one renderer of origin stories, for content files' stories (rendered when their product page is, at build or
 * on demand) and for database listings' stories and the editor's preview: Sätteri's Markdown with the sanitising
 * rules below, so what the preview shows is what a shopper will see. Raw HTML is dropped whole, links keep only
 * http(s) and mailto, no event attribute survives. astro.config.mjs gives Astro's Markdown the same rules.
 */
import rehypeSanitize, { defaultSchema } from 'rehype-sanitize';
import { markdownToHtml } from 'satteri';

/** GitHub's sanitising schema (headings, paragraphs, emphasis, lists, links, images, tables), links http(s)/mailto. */
export const storySchema = {
  ...defaultSchema,
  protocols: { href: ['http', 'https', 'mailto'], cite: ['http', 'https'], src: ['http', 'https'] },
};
const sanitizeTree = rehypeSanitize(storySchema);
/** Sätteri hast plugin: replaces the document's tree by its sanitised copy. */
export const sanitizeStory = {
  name: 'sanitize',
  after(
    root: Parameters<typeof sanitizeTree>[0],
    ctx: { replaceNode: (from: unknown, to: unknown) => void },
  ) {
    ctx.replaceNode(root, sanitizeTree(root));
  },
};

/** The story as safe HTML, with GitHub's Markdown and typographic quotes and dashes as Astro renders Markdown. */
export function storyHtml(markdown: string): string {
  if (markdown.trim() === '') return '';
  return markdownToHtml(markdown, {
    hastPlugins: [sanitizeStory as never],
    features: { gfm: true, smartPunctuation: true },
  }).html;
}
