import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { APIRoute } from 'astro';
import { openDataDir } from '../../opendata/open-data-job.ts';
import { dataFileType } from '../../opendata/data-files.ts';

/**
 * `/data/`: the published open-data files, read from the open-data folder. Only names that
 * `dataFileType` knows are served, so nothing else in the folder (the store beside it, half-written
 * `.partial` files) can be reached, whatever the path says. A day file never changes once written;
 * the chain and the data package grow every day.
 */
export const GET: APIRoute = async ({ params, locals }) => {
  const path = params.path ?? '';
  const type = dataFileType(path);
  if (type === null) return notFound();
  const body = await readFile(join(openDataDir(locals.ctx.settings), path)).catch((error: NodeJS.ErrnoException) =>
    error.code === 'ENOENT' ? null : Promise.reject(error),
  );
  if (body === null) return notFound();
  const immutable = path.startsWith('checks/');
  return new Response(body, {
    headers: {
      'Content-Type': type,
      'Cache-Control': immutable ? 'public, max-age=31536000, immutable' : 'public, max-age=300',
      'Access-Control-Allow-Origin': '*',
      'X-Content-Type-Options': 'nosniff',
    },
  });
};
export const HEAD = GET;

function notFound(): Response {
  return new Response('Not found\n', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
}
