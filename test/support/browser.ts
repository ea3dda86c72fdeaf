import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';

/** Debian's Chromium for the browser tests: they skip loudly without it, and fail in CI. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const chromiumAvailable = existsSync(CHROMIUM);
export const ARTIFACTS = fileURLToPath(new URL('../../test-artifacts', import.meta.url));
const AXE = fileURLToPath(new URL('../../node_modules/axe-core/axe.min.js', import.meta.url));

/** Debian's Chromium, headless, with no sandbox (root in CI) and no calls home. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-background-networking'] });
}

export function warnIfNoChromium(what: string): void {
  if (chromiumAvailable) return;
  const message = `Chromium not found at ${CHROMIUM}: ${what} ${process.env.CI ? 'FAIL in CI' : 'SKIPPED'} (apt-get install -y chromium).`;
  console.warn(`\n${'!'.repeat(message.length)}\n${message}\n${'!'.repeat(message.length)}\n`);
}

/**
 * axe-core's WCAG 2.1 A/AA and best-practice violations on the page in one colour scheme. axe is
 * injected as a script, which the site's CSP (rightly) forbids: the page's context must bypass it.
 */
export async function axeViolations(page: Page, colorScheme: 'light' | 'dark'): Promise<string[]> {
  await page.emulateMedia({ colorScheme });
  await page.addScriptTag({ path: AXE });
  const results = await page.evaluate(async () => {
    const axe = (
      globalThis as unknown as {
        axe: {
          run: (ctx: Document, opts: object) => Promise<{ violations: { id: string; help: string; nodes: { target: string[] }[] }[] }>;
        };
      }
    ).axe;
    return axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } });
  });
  return results.violations.map(
    (v) =>
      `${colorScheme} ${v.id}: ${v.help} (${v.nodes
        .slice(0, 3)
        .map((n) => n.target.join(' '))
        .join(', ')})`,
  );
}
