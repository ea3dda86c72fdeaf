import type { APIRoute } from 'astro';

/**
 * Astro injects an image-transforming endpoint (`/_image`) into every server build. The site
 * transforms no image, and that endpoint loads sharp and logs an error per odd request: a CPU
 * and log-flooding surface for nothing. `astro.config.mjs` points the route here instead.
 */
export const GET: APIRoute = () => new Response(null, { status: 404 });
