import { CORS_HEADERS } from '../api/endpoint.ts';
import { securityHeaders } from '../web/security-policy.ts';
import { PUBLIC_CACHE_CONTROL } from '../web/reply.ts';
import { LANGUAGE_PAGE } from './language-page.ts';

export interface NginxOptions {
  /** The copy's `current` link. */
  root: string;
  publicUrl: string;
  /** `listen` argument; 80 by default. */
  listen?: string;
  /** Debian's nginx has no brotli: needs `libnginx-mod-http-brotli-static`. */
  brotli?: boolean;
}

/**
 * An nginx configuration for serving the static copy: precompressed files as they are
 * (gzip_static, and brotli_static where the module is installed), the origin's cache and security
 * headers, `/` to /fr/ or /en/ by Accept-Language, `?lang=en` documents from their `.en` files.
 * To be included inside `http { }` (e.g. /etc/nginx/conf.d/vigie-static.conf).
 *
 * `/` redirects as the origin does when the header names only one of French and English with a
 * non-zero weight (or neither: French); when it names both, comparing their q-values is beyond
 * nginx's maps, so `/` is a small page whose script picks from the browser's ordered languages.
 */
export function nginxConfig(options: NginxOptions): string {
  const security = Object.entries(securityHeaders(options.publicUrl)).map(([name, value]) => `add_header ${name} ${quote(value)} always;`);
  // nginx drops inherited add_header lines in any block that has its own: each block lists them all.
  const headers = (cacheControl: string, extra: string[] = []) =>
    [...security, `add_header Cache-Control ${quote(cacheControl)} always;`, ...extra].map((l) => `    ${l}`).join('\n');
  const cors = Object.entries(CORS_HEADERS).map(([name, value]) => `add_header ${name} ${quote(value)} always;`);
  const brotli = options.brotli ?? true;
  return `# Vigie static copy (generated; see README "When things fail"). Include inside http { }.
# brotli_static needs Debian's libnginx-mod-http-brotli-static; without it, delete that line (gzip_static is built in).
map $http_accept_language $vigie_has_fr {
  default 0;
  "${accepted('fr')}" 1;
}
map $http_accept_language $vigie_has_en {
  default 0;
  "${accepted('en')}" 1;
}
map "$vigie_has_fr$vigie_has_en" $vigie_lang {
  default fr;
  01 en;
  11 "";
}
map $arg_lang $vigie_variant {
  en .en;
  default "";
}
server {
  listen ${options.listen ?? '80'};
  server_name _;
  # Locations relative, as the origin sends them (the copy may sit behind any name or port).
  absolute_redirect off;
  root ${options.root};
  charset utf-8;
  charset_types application/rss+xml application/atom+xml application/json image/svg+xml text/css application/javascript text/plain text/calendar text/csv;
  gzip_static on;
  gzip_vary on;
${brotli ? '  brotli_static on;\n' : ''}  etag on;
  error_page 404 /404.html;
  # nginx's own answers (400, 414…) come before any location: they get the origin's headers here,
  # and no nginx version.
  server_tokens off;
${security.map((l) => `  ${l}`).join('\n')}

  location = / {
${headers('public, max-age=300', ['add_header Vary Accept-Language always;'])}
    if ($vigie_lang) {
      return 302 /$vigie_lang/;
    }
    try_files /${LANGUAGE_PAGE} =404;
  }
  location / {
${headers(PUBLIC_CACHE_CONTROL)}
    try_files $uri $uri.html $uri/index.html =404;
  }
  location ~ \\.xml$ {
    types { }
    default_type application/rss+xml;
${headers(PUBLIC_CACHE_CONTROL)}
  }
  location ~ \\.atom$ {
    types { }
    default_type application/atom+xml;
${headers(PUBLIC_CACHE_CONTROL)}
  }
  location ~ ^/api/v2/(?<vigie_doc>.+)\\.json$ {
    types { }
    default_type application/json;
${headers(PUBLIC_CACHE_CONTROL, cors)}
    try_files /api/v2/$vigie_doc$vigie_variant.json =404;
  }
  location ~ ^/badge/(?<vigie_badge>[^/]+)\\.svg$ {
${headers(PUBLIC_CACHE_CONTROL, cors)}
    try_files /badge/$vigie_badge$vigie_variant.svg =404;
  }
  location ~ \\.(ics|csv|pem|gz|sig)$ {
    types { text/calendar ics; text/csv csv; application/x-pem-file pem; application/gzip gz; application/octet-stream sig; }
${headers(PUBLIC_CACHE_CONTROL)}
  }
  location /_astro/ {
${headers('public, max-age=31536000, immutable')}
  }
  location = /404.html {
    internal;
${headers('public, max-age=60')}
  }
}
`;
}

/**
 * A regex matching an Accept-Language header with an entry for `language` (or one of its regions)
 * whose weight is not zero, as the origin's negotiation reads it.
 */
function accepted(language: string): string {
  return `~*(?:^|,)\\s*${language}(?:-[^,;]*)?\\s*(?:;(?!\\s*q=0(?:\\.0*)?\\s*(?:[,;]|$))[^,]*)?(?:,|$)`;
}

function quote(value: string): string {
  return `"${value.replace(/["\\]/g, '\\$&')}"`;
}
