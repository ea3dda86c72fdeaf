import type { TLSSocket } from 'node:tls';

/**
 * What a TLS connection tells about its certificate, and whether Node's own checks passed. Shared
 * by the HTTP connector and the TCP check: both connect with `rejectUnauthorized` off so the
 * certificate can be read even when it is refused, then refuse it here.
 */

export interface CertificateFacts {
  expiresAt: Date | null;
  /** Who signed it, as staff read it: "Let's Encrypt (R11)". */
  issuer: string | null;
}

function text(value: string | string[] | undefined): string | null {
  const first = Array.isArray(value) ? value[0] : value;
  return first === undefined || first.trim() === '' ? null : first.trim();
}

export function certificateFacts(socket: TLSSocket): CertificateFacts {
  const certificate = socket.getPeerCertificate();
  const validTo = certificate?.valid_to;
  const organisation = text(certificate?.issuer?.O);
  const commonName = text(certificate?.issuer?.CN);
  const issuer =
    organisation && commonName && organisation !== commonName ? `${organisation} (${commonName})` : (organisation ?? commonName);
  return { expiresAt: validTo ? new Date(validTo) : null, issuer: issuer === null ? null : issuer.slice(0, 200) };
}

/**
 * Node has run its usual checks (chain, then name) even with `rejectUnauthorized` off: their
 * verdict is in `authorized` and `authorizationError` (a code such as CERT_HAS_EXPIRED).
 */
export function refusedCertificate(socket: TLSSocket): Error | null {
  if (socket.authorized) return null;
  const code = String(socket.authorizationError ?? 'CERT_UNTRUSTED');
  return Object.assign(new Error(`TLS certificate refused: ${code}`), { code });
}
