import { attestationEndpoint } from '../../../../../../site/attestation-endpoint.ts';

export const { GET, HEAD } = attestationEndpoint('json');
