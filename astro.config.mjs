// @ts-check
import { defineConfig } from 'astro/config';
import node from '@astrojs/node';
import { REQUEST_LIMITS } from './src/web/request-limits.ts';

// Every page is rendered per request from the status read model; the middleware caches per data version.
export default defineConfig({
  output: 'server',
  // src/cli/web.ts refuses larger bodies before reading them; this bounds any other way of serving the build.
  adapter: node({ mode: 'standalone', bodySizeLimit: REQUEST_LIMITS.bodyBytes }),
  // `astro dev` and `astro preview` only: the web process (src/cli/web.ts) never starts the adapter's
  // own server, and listens on HOST and PORT as validated by src/config/settings.ts.
  server: { host: '127.0.0.1', port: 4321 },
  // The site's middleware refuses cross-site state changes itself, forms and JSON alike, in both languages.
  security: { checkOrigin: false },
  devToolbar: { enabled: false },
  telemetry: false,
  trailingSlash: 'ignore',
  prefetch: false,
  // Tests and parallel work build into their own folder so builds never trample each other.
  outDir: process.env.VIGIE_BUILD_DIR ?? './dist',
  build: { inlineStylesheets: 'never' },
  // No image is transformed: Astro's `/_image` route answers 404 without loading an image service.
  image: {
    endpoint: { route: '/_image', entrypoint: './src/web/no-image-endpoint.ts' },
    service: { entrypoint: 'astro/assets/services/noop' },
  },
});
