// @ts-check
import { createHash } from 'node:crypto';
import { defineConfig, envField } from 'astro/config';
import node from '@astrojs/node';
import react from '@astrojs/react';
import sitemap from '@astrojs/sitemap';
import { satteri } from '@astrojs/markdown-satteri';
import ocopSearch from './integrations/search/index.ts';
import ocopCompress from './integrations/compress/index.ts';
import { sanitizeStory } from './src/lib/markdown/story.ts';

// Zod (in the islands' bundles) probes whether `new Function` works, to compile faster parsers; under the CSP the
// probe is refused and reported as a violation. Zod skips the probe when its global config (which it keeps on
// globalThis) says jitless, so every page sets that before any module runs, in one inline script with its hash.
const ZOD_JITLESS = 'globalThis.__zod_globalConfig={jitless:true};';
/** @type {import('astro').AstroIntegration} */
const zodWithoutEval = {
  name: 'ocop-zod-jitless',
  hooks: { 'astro:config:setup': ({ injectScript }) => injectScript('head-inline', ZOD_JITLESS) },
};

// The public origin is used for canonical URLs, Open Graph, the sitemap and QR codes.
const site = process.env.SITE_URL ?? 'http://127.0.0.1:4321';

export default defineConfig({
  site,
  output: 'static',
  // staticHeaders: prerendered pages get their Content-Security-Policy as an HTTP header too (from
  // dist/_headers.json), never as a <meta> tag, which cannot carry frame-ancestors. Middleware mode: the adapter
  // only renders; scripts/serve.mjs serves the files and sets those headers (docs/performance.md, "Search overhead").
  adapter: node({ mode: 'middleware', staticHeaders: true }),
  trailingSlash: 'ignore',
  integrations: [
    react(),
    zodWithoutEval,
    ocopSearch(),
    sitemap({
      i18n: { defaultLocale: 'vi', locales: { vi: 'vi-VN', en: 'en' } },
      filter: (page) => !page.includes('/label'),
      // The part rendered on demand: database listings and the live listing pages (src/pages/sitemap-live.xml.ts).
      customSitemaps: [new URL('/sitemap-live.xml', site).href],
    }),
    // Last, so it compresses what the others wrote (the sitemap too).
    ocopCompress(),
  ],
  i18n: {
    locales: ['vi', 'en'],
    defaultLocale: 'vi',
    routing: { prefixDefaultLocale: false },
  },
  image: {
    responsiveStyles: true,
  },
  // Origin stories are rendered by src/lib/markdown/story.ts; any Markdown Astro renders gets the same sanitising.
  markdown: { processor: satteri({ hastPlugins: [/** @type {never} */ (sanitizeStory)] }) },
  security: {
    checkOrigin: true,
    // A strict Content-Security-Policy on every page (docs/security.md): scripts and styles only from this origin
    // or by the hash Astro computes for each inline one (no 'unsafe-inline'), nothing from other origins (Stripe
    // Checkout is a redirect, not an embed), no plugins, and no framing by other sites. No form-action: paying for
    // a booth posts a form that the server answers with a redirect to Stripe Checkout, and form-action applies to
    // that redirect too (its origin is Stripe's, or a test stand-in's).
    csp: {
      algorithm: 'SHA-256',
      directives: [
        "default-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "frame-ancestors 'none'",
      ],
      scriptDirective: {
        hashes: [`sha256-${createHash('sha256').update(ZOD_JITLESS).digest('base64')}`],
      },
    },
  },
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
      // Mail (docs/notifications.md): SMTP transport, sender, explicit opt-out; the worker can be turned off per process.
      SMTP_URL: envField.string({ context: 'server', access: 'secret', optional: true }),
      MAIL_FROM: envField.string({
        context: 'server',
        access: 'secret',
        default: 'Chợ OCOP <no-reply@ocop.local>',
      }),
      MAIL_DISABLED: envField.boolean({ context: 'server', access: 'secret', default: false }),
      WORKER: envField.enum({ context: 'server', access: 'secret', values: ['on', 'off'], default: 'on' }),
      // Read at build time (public server values are inlined): above this many products, product pages are
      // rendered on demand instead of prerendered (docs/performance.md, "National scale").
      OCOP_PRERENDER_PRODUCTS_MAX: envField.number({
        context: 'server',
        access: 'public',
        int: true,
        min: 0,
        default: 5000,
      }),
    },
    validateSecrets: false,
  },
  // The site's CSS is small (~20 KB); inlining it removes render-blocking requests on every page.
  build: { inlineStylesheets: 'always' },
});
