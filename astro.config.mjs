// @ts-check
import { defineConfig } from 'astro/config';
import node from '@astrojs/node';

// Every page is rendered per request from the status read model; the middleware caches per data version.
export default defineConfig({
  output: 'server',
  adapter: node({ mode: 'standalone' }),
  server: { host: process.env.HOST ?? '127.0.0.1', port: Number(process.env.PORT ?? 4321) },
  // The site's middleware refuses cross-site state changes itself, forms and JSON alike, in both languages.
  security: { checkOrigin: false },
  devToolbar: { enabled: false },
  telemetry: false,
  trailingSlash: 'ignore',
  prefetch: false,
  // Tests and parallel work build into their own folder so builds never trample each other.
  outDir: process.env.VIGIE_BUILD_DIR ?? './dist',
  build: { inlineStylesheets: 'never' },
});
