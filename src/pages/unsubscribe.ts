import type { APIRoute } from 'astro';
import { handleOneClick } from '../web/subscription-page-handlers.ts';

/** RFC 8058 one-click unsubscribe, the target of every message's List-Unsubscribe header. */
export const POST: APIRoute = (context) => handleOneClick(context);
