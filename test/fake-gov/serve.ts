import { startFakeGov } from './index.ts';

/**
 * Runs the fake government as its own process (demo, benchmark): prints one JSON line with its
 * addresses and CA, then serves until SIGINT or SIGTERM. Control it over HTTP (see control.ts).
 *
 *   node test/fake-gov/serve.ts [--no-tls]
 */
const gov = await startFakeGov({ tls: !process.argv.includes('--no-tls') });
const { http, https, httpsExpired, httpsWrongHost, httpsSelfSigned, refused, ca } = gov;
process.stdout.write(`${JSON.stringify({ http, https, httpsExpired, httpsWrongHost, httpsSelfSigned, refused, ca })}\n`);

const shutdown = () => {
  gov.stop().then(
    () => process.exit(0),
    () => process.exit(1),
  );
};
process.once('SIGINT', shutdown);
process.once('SIGTERM', shutdown);
