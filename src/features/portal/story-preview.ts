/**
 * The origin story's preview in the editor: the producer's Markdown rendered by the same Markdown processor and the
 * same sanitising rules as stories in content files (see astro.config.mjs), so what the preview shows is what a
 * shopper will see. Raw HTML is dropped whole, links keep only http(s) and mailto, no event attribute survives.
 */
import rehypeSanitize, { defaultSchema } from 'rehype-sanitize';
import { markdownToHtml } from 'satteri';

const storySchema = {
  ...defaultSchema,
  protocols: { href: ['http', 'https', 'mailto'], cite: ['http', 'https'], src: ['http', 'https'] },
};
const sanitizeTree = rehypeSanitize(storySchema);
const sanitize = {
  name: 'sanitize',
  after(
    root: Parameters<typeof sanitizeTree>[0],
    ctx: { replaceNode: (from: unknown, to: unknown) => void },
  ) {
    ctx.replaceNode(root, sanitizeTree(root));
  },
};

/** The story as safe HTML. */
export function storyHtml(markdown: string): string {
  if (markdown.trim() === '') return '';
  return markdownToHtml(markdown, { hastPlugins: [sanitize as never] }).html;
}
