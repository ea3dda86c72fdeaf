import { securityHeaders } from '../web/security-policy.ts';
import { PUBLIC_CACHE_CONTROL } from '../web/reply.ts';

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
 */
export function nginxConfig(options: NginxOptions): string {
  const security = Object.entries(securityHeaders(options.publicUrl)).map(([name, value]) => `add_header ${name} ${quote(value)} always;`);
  // nginx drops inherited add_header lines in any block that has its own: each block lists them all.
  const headers = (cacheControl: string, extra: string[] = []) =>
    [...security, `add_header Cache-Control ${quote(cacheControl)} always;`, ...extra].map((l) => `    ${l}`).join('\n');
  const brotli = options.brotli ?? true;
  return `# Vigie static copy (generated; see README "When things fail"). Include inside http { }.
# brotli_static needs Debian's libnginx-mod-http-brotli-static; without it, delete that line (gzip_static is built in).
map $http_accept_language $vigie_lang {
  default fr;
  "~*^\\s*en" en;
}
map $arg_lang $vigie_variant {
  en .en;
  default "";
}
server {
  listen ${options.listen ?? '80'};
  server_name _;
  root ${options.root};
  charset utf-8;
  charset_types text/html application/rss+xml application/atom+xml application/json image/svg+xml text/css application/javascript text/plain text/calendar text/csv;
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
    return 302 /$vigie_lang/;
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
${headers(PUBLIC_CACHE_CONTROL, ['add_header Access-Control-Allow-Origin "*" always;'])}
    try_files /api/v2/$vigie_doc$vigie_variant.json =404;
  }
  location ~ ^/badge/(?<vigie_badge>[^/]+)\\.svg$ {
${headers(PUBLIC_CACHE_CONTROL, ['add_header Access-Control-Allow-Origin "*" always;'])}
    try_files /badge/$vigie_badge$vigie_variant.svg =404;
  }
  location ~ \\.(ics|csv|pem|gz)$ {
    types { text/calendar ics; text/csv csv; application/x-pem-file pem; application/gzip gz; }
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

function quote(value: string): string {
  return `"${value.replace(/["\\]/g, '\\$&')}"`;
}
