import { describe, expect, it } from 'vitest';
import { isSameOriginRequest, isStateChanging } from '../../src/web/origin-check.ts';

const PUBLIC = 'https://statut.example.gouv.fr';

describe('origin check', () => {
  it.each(['POST', 'PUT', 'PATCH', 'DELETE', 'post'])('treats %s as state-changing', (m) => expect(isStateChanging(m)).toBe(true));
  it.each(['GET', 'HEAD', 'OPTIONS'])('treats %s as safe', (m) => expect(isStateChanging(m)).toBe(false));

  it.each([
    [{ origin: PUBLIC }, true],
    [{ origin: 'https://evil.example' }, false],
    [{ origin: 'http://statut.example.gouv.fr' }, false],
    [{ origin: 'https://statut.example.gouv.fr:8443' }, false],
    [{ origin: 'null' }, false],
    [{ 'sec-fetch-site': 'same-origin' }, true],
    [{ 'sec-fetch-site': 'cross-site' }, false],
    [{ 'sec-fetch-site': 'same-site' }, false],
    [{ origin: 'https://evil.example', 'sec-fetch-site': 'same-origin' }, false],
    [{}, false],
  ] as const)('%j → %s', (headers, expected) => {
    expect(isSameOriginRequest(new Headers(headers), PUBLIC)).toBe(expected);
  });
});
