// @ts-check
import { defineConfig, envField } from 'astro/config';
import node from '@astrojs/node';
import react from '@astrojs/react';
import sitemap from '@astrojs/sitemap';
import { satteri } from '@astrojs/markdown-satteri';
import rehypeSanitize, { defaultSchema } from 'rehype-sanitize';
import ocopSearch from './integrations/search/index.ts';

// Stories are Markdown that producers will write: GitHub's sanitising schema (headings, paragraphs, emphasis, lists,
// links, images, tables) with links limited to http(s)/mailto. Raw HTML is dropped whole (Sätteri keeps it as `raw`
// nodes, which the sanitiser removes), `javascript:` links lose their href, and no event attribute survives.
const storySchema = {
  ...defaultSchema,
  protocols: { href: ['http', 'https', 'mailto'], cite: ['http', 'https'], src: ['http', 'https'] },
};
const sanitizeTree = rehypeSanitize(storySchema);
/** Sätteri hast plugin: replaces each Markdown document's tree by its sanitised copy, before Astro's image markers. */
const sanitizeMarkdown = {
  name: 'sanitize',
  /** @type {import('satteri').HastHookFn} */
  after(root, ctx) {
    ctx.replaceNode(root, sanitizeTree(/** @type {import('hast').Root} */ (root)));
  },
};

// The public origin is used for canonical URLs, Open Graph, the sitemap and QR codes.
const site = process.env.SITE_URL ?? 'http://127.0.0.1:4321';

export default defineConfig({
  site,
  output: 'static',
  adapter: node({ mode: 'standalone' }),
  trailingSlash: 'ignore',
  integrations: [
    react(),
    ocopSearch(),
    sitemap({
      i18n: { defaultLocale: 'vi', locales: { vi: 'vi-VN', en: 'en' } },
      filter: (page) => !page.includes('/label'),
    }),
  ],
  i18n: {
    locales: ['vi', 'en'],
    defaultLocale: 'vi',
    routing: { prefixDefaultLocale: false },
  },
  image: {
    responsiveStyles: true,
  },
  markdown: { processor: satteri({ hastPlugins: [sanitizeMarkdown] }) },
  security: { checkOrigin: true },
  // Every setting read from the environment, declared once (see .env.example). Secrets never reach the client.
  env: {
    schema: {
      DATABASE_URL: envField.string({ context: 'server', access: 'secret', optional: true }),
      DATA_DIR: envField.string({ context: 'server', access: 'secret', default: '.data' }),
      MEILI_URL: envField.string({ context: 'server', access: 'secret', optional: true }),
      MEILI_MASTER_KEY: envField.string({ context: 'server', access: 'secret', optional: true }),
      STRIPE_SECRET_KEY: envField.string({ context: 'server', access: 'secret', optional: true }),
      STRIPE_WEBHOOK_SECRET: envField.string({ context: 'server', access: 'secret', optional: true }),
      // Where the Stripe SDK sends requests (e.g. http://127.0.0.1:12111 for a local stand-in); unset = api.stripe.com.
      // Declared secret only so it is read at run time rather than fixed at build time.
      STRIPE_API_BASE: envField.string({ context: 'server', access: 'secret', optional: true, url: true }),
      AUTH_SECRET: envField.string({ context: 'server', access: 'secret', optional: true }),
    },
    validateSecrets: false,
  },
  // The site's CSS is small (~20 KB); inlining it removes render-blocking requests on every page.
  build: { inlineStylesheets: 'always' },
});
