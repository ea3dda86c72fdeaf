import { describe, expect, it } from 'vitest';
import { t } from '../../src/i18n/index.ts';
import { markStaticPage } from '../../src/snapshot/notice.ts';

const generatedAt = new Date('2026-11-24T21:05:00Z');
const page = (lang: string) =>
  `<!doctype html><html lang="${lang}"><head><title>x</title></head><body><main id="main" class="wrap"><h1>x</h1></main></body></html>`;

describe('markStaticPage', () => {
  it.each(['fr', 'en'] as const)('says when the %s page was generated, visibly, and loads the optional age script', (locale) => {
    const html = markStaticPage(page(locale), generatedAt);
    expect(html).toContain('<main id="main" class="wrap"><p class="snapshot-notice');
    expect(html).toContain('<time datetime="2026-11-24T21:05:00.000Z">');
    expect(html).toContain(t(locale).snapshot.generated('').slice(0, 15));
    expect(html).toContain(locale === 'fr' ? '22\u00a0h\u00a005' : '22:05');
    expect(html).toContain('<script src="/snapshot-age.js" defer></script></head>');
    expect(html).toContain('data-window-ms="180000"');
  });
});
