import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { renderCatalogueJsonSchema } from '../config/catalogue-json-schema.ts';

/**
 * Writes `public/services.schema.json` (or the path given) from the zod schema. Run it after
 * changing `src/config/services-schema.ts`; a test fails while the committed file is out of date.
 */
const target = process.argv[2] ?? fileURLToPath(new URL('../../public/services.schema.json', import.meta.url));

await writeFile(target, renderCatalogueJsonSchema());
console.log(`Wrote ${target}`);
