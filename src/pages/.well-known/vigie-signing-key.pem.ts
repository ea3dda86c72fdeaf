import type { APIRoute } from 'astro';

/** The public half of the key that signs attestations (SPKI PEM, for `openssl pkeyutl -verify -pubin`). */
export const GET: APIRoute = async ({ locals }) =>
  new Response((await locals.ctx.signingKey).publicPem, {
    headers: { 'Content-Type': 'application/x-pem-file', 'X-Content-Type-Options': 'nosniff' },
  });
export const HEAD = GET;
