import type { APIContext, APIRoute } from 'astro';
import { loadAttestation } from '../attest/load-attestation.ts';
import { isLocale, t } from '../i18n/index.ts';

/**
 * An attestation's canonical JSON, or its raw 64-byte Ed25519 signature over exactly those bytes.
 * While the outage lasts both grow with each failed check: fetch them together.
 */
export function attestationEndpoint(file: 'json' | 'sig'): { GET: APIRoute; HEAD: APIRoute } {
  const GET: APIRoute = async ({ locals, params }: APIContext) => {
    const locale = isLocale(params.lang) ? params.lang : null;
    const ctx = locals.ctx;
    const view = locale
      ? await loadAttestation(
          { store: ctx.store, catalogue: ctx.catalogue, publicUrl: ctx.settings.VIGIE_PUBLIC_URL, signingKey: ctx.signingKey },
          { serviceId: String(params.id ?? ''), incidentId: String(params.incident ?? '') },
          new Date(),
        )
      : null;
    if (!view) {
      return new Response(t(locale ?? 'fr').notFound.body, {
        status: 404,
        headers: { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' },
      });
    }
    const body = file === 'json' ? view.attestation.json : new Uint8Array(view.key.sign(view.attestation.json));
    return new Response(body, {
      headers: {
        'Content-Type': file === 'json' ? 'application/json; charset=utf-8' : 'application/octet-stream',
        'Content-Disposition': `attachment; filename="attestation.${file}"`,
        'X-Content-Type-Options': 'nosniff',
      },
    });
  };
  return { GET, HEAD: GET };
}
