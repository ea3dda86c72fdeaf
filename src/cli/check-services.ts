import { CatalogueError, loadCatalogue } from '../config/load-catalogue.ts';
import { loadSettings, SettingsError } from '../config/settings.ts';
import { beatTokens } from '../beats/beat-tokens.ts';
import { missingFactWarnings } from '../legal/missing-facts.ts';

/**
 * `npm run check-services [-- path]`: validates a catalogue without starting anything or opening
 * any database. Exit 0 when valid, 1 when the file has problems, 2 when it cannot be read at all.
 */
const USAGE = `Usage: npm run check-services [-- path/to/services.json]
Checks a service catalogue without starting Vigie. Without a path, checks VIGIE_SERVICES (default ./services.json).`;

function fail(message: string, exitCode: number): never {
  console.error(message);
  process.exit(exitCode);
}

function cataloguePath(args: string[]): string {
  if (args.length > 1) fail(`Expected at most one path, got ${args.length}.\n${USAGE}`, 2);
  const [given] = args;
  if (given !== undefined) return given;
  try {
    return loadSettings().VIGIE_SERVICES;
  } catch (error) {
    if (error instanceof SettingsError) fail(error.message, 2);
    throw error;
  }
}

const args = process.argv.slice(2);
if (args.includes('--help') || args.includes('-h')) {
  console.log(USAGE);
  process.exit(0);
}
const path = cataloguePath(args);
try {
  const catalogue = await loadCatalogue(path);
  const categoriesUsed = new Set(catalogue.services.map((s) => s.category)).size;
  const count = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;
  const services = count(catalogue.services.length, 'service', 'services');
  const categories = count(categoriesUsed, 'category', 'categories');
  const canaries = count(catalogue.canaries.length, 'canary', 'canaries');
  console.log(`${path}: OK, ${services} in ${categories}, ${canaries}.`);
  for (const warning of missingFactWarnings(path, catalogue.operator)) console.warn(`Warning: ${warning}`);
  for (const problem of beatTokens(catalogue, process.env).problems) console.warn(`Warning: ${path}: ${problem}`);
} catch (error) {
  if (error instanceof CatalogueError) fail(error.message, error.kind === 'unreadable' ? 2 : 1);
  throw error;
}
