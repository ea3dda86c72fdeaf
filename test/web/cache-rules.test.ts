import { describe, expect, it } from 'vitest';
import { parsePageNumber } from '../../src/domain/page-number.ts';
import { trimTrailingSlashes } from '../../src/domain/trim-slashes.ts';
import { cacheTarget } from '../../src/web/cache-rules.ts';
import { matchesIfNoneMatch, pickEncoding } from '../../src/web/negotiate.ts';

const target = (path: string, method = 'GET') => cacheTarget(method, new URL(path, 'http://x'));

describe('cacheTarget', () => {
  it('keys pages, feeds, API and badges on path plus the parameters that matter', () => {
    expect(target('/fr/')).toEqual({ key: '/fr/', pathAndQuery: '/fr/' });
    expect(target('/en/incidents?page=3&utm_source=x')).toEqual({ key: '/en/incidents?page=3', pathAndQuery: '/en/incidents?page=3' });
    expect(target('/fr/services/impots?page=2')?.key).toBe('/fr/services/impots');
    expect(target('/api/v2/summary.json?lang=en&cb=123')?.key).toBe('/api/v2/summary.json?lang=en');
    expect(target('/badge/impots.svg?lang=en')?.key).toBe('/badge/impots.svg?lang=en');
    expect(target('/fr/feed.xml?x=1')?.key).toBe('/fr/feed.xml');
  });

  it('folds junk values into the default, so they make no new entry', () => {
    expect(target('/api/v2/summary.json?lang=xx')?.key).toBe('/api/v2/summary.json');
    expect(target('/fr/incidents?page=1')?.key).toBe('/fr/incidents');
    expect(target('/fr/?page=7')?.key).toBe('/fr/');
  });

  it('reads page numbers as the page does: every unreadable one is the same 404 entry', () => {
    expect(target('/fr/incidents?page=-2')).toEqual({ key: '/fr/incidents?page=0', pathAndQuery: '/fr/incidents?page=0' });
    expect(target('/fr/incidents?page=abc')?.key).toBe('/fr/incidents?page=0');
    expect(target('/fr/incidents?page=9999999')?.key).toBe('/fr/incidents?page=0');
    expect(target('/fr/incidents?page=123456')?.key).toBe('/fr/incidents?page=123456');
    expect(parsePageNumber('123456')).toBe(123456);
    expect(parsePageNumber('9999999')).toBeNull();
  });

  it('drops trailing slashes in linear time, so a path of slashes costs no more than its length', () => {
    expect(trimTrailingSlashes('/fr///')).toBe('/fr');
    expect(trimTrailingSlashes('/')).toBe('/');
    expect(trimTrailingSlashes('////')).toBe('/');
    expect(target(`/admin${'/'.repeat(16_000)}`)).toBeNull();
  });

  it('keys an overview search on the folded, length-capped query, and only there', () => {
    expect(target('/fr/?q=Imp%C3%B4ts')).toEqual({ key: '/fr/?q=impots', pathAndQuery: '/fr/?q=impots' });
    expect(target('/en/?q=%20LA%20%20CAF%20&utm=1')?.key).toBe('/en/?q=la%20caf');
    expect(target(`/fr/?q=${'x'.repeat(10_000)}`)?.key).toBe(`/fr/?q=${'x'.repeat(60)}`);
    expect(target('/fr/?q=%FF%FE%00')?.key).toBe('/fr/');
    expect(target('/fr/?q=')?.key).toBe('/fr/');
    expect(target('/fr/incidents?q=impots')?.key).toBe('/fr/incidents');
  });

  it('never caches admin pages, other methods or unknown routes', () => {
    expect(target('/admin')).toBeNull();
    expect(target('/admin/login')).toBeNull();
    expect(target('/fr/', 'POST')).toBeNull();
    expect(target('/healthz')).toBeNull();
    expect(target('/')).toBeNull();
    expect(target('/fr/', 'HEAD')?.key).toBe('/fr/');
  });
});

describe('negotiation', () => {
  it('prefers brotli, then gzip, honouring q=0', () => {
    expect(pickEncoding('gzip, deflate, br')).toBe('br');
    expect(pickEncoding('gzip')).toBe('gzip');
    expect(pickEncoding('br;q=0, gzip;q=0.5')).toBe('gzip');
    expect(pickEncoding('identity')).toBeNull();
    expect(pickEncoding(null)).toBeNull();
    expect(pickEncoding('*')).toBe('br');
  });

  it('matches If-None-Match against any coding of the same bytes', () => {
    expect(matchesIfNoneMatch('"abc"', '"abc"')).toBe(true);
    expect(matchesIfNoneMatch('W/"abc-br"', '"abc"')).toBe(true);
    expect(matchesIfNoneMatch('"zzz", "abc-gz"', '"abc"')).toBe(true);
    expect(matchesIfNoneMatch('*', '"abc"')).toBe(true);
    expect(matchesIfNoneMatch('"abd"', '"abc"')).toBe(false);
    expect(matchesIfNoneMatch(null, '"abc"')).toBe(false);
  });
});
