import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SENDER_NODE_FLAGS } from '../../../src/notify/sender-node-flags.ts';
import { freePort } from '../../support/site-server.ts';
import { startProcess, type RunningProcess } from './processes.ts';
import { SERVICE_IDS } from './subscribers.ts';

/**
 * A folder for a wave of notifications told by a real sender process: the catalogue of the wave's
 * 16 services next to the store file `vigie.db`, and a sender delivering to `smtpUrl`.
 */
export function writeWaveCatalogue(dir: string): void {
  writeFileSync(
    join(dir, 'services.json'),
    JSON.stringify({
      categories: [{ id: 'tests', name: { fr: 'Essais', en: 'Tests' } }],
      services: SERVICE_IDS.map((id) => ({
        id,
        name: { fr: `${id}.gouv.fr`, en: `${id}.gouv.fr` },
        category: 'tests',
        url: `https://${id}.example.test/`,
      })),
    }),
  );
}

export async function startWaveSender(dir: string, smtpUrl: string): Promise<RunningProcess> {
  return startProcess(
    'src/cli/sender.ts',
    {
      DATABASE_URL: join(dir, 'vigie.db'),
      VIGIE_SERVICES: join(dir, 'services.json'),
      VIGIE_SMTP_URL: smtpUrl,
      VIGIE_MAIL_FROM: 'Vigie <vigie@example.test>',
      VIGIE_SENDER_PORT: String(await freePort()),
      VIGIE_PUBLIC_URL: 'https://vigie.example.test',
    },
    SENDER_NODE_FLAGS,
  );
}
