import type { APIRoute } from 'astro';
import { handleOneClick, handleOneClickPage } from '../web/subscription-page-handlers.ts';

/** RFC 8058 one-click unsubscribe, the target of every message's List-Unsubscribe header. */
export const POST: APIRoute = (context) => handleOneClick(context);

/** The same address opened in a browser: the manage page and its unsubscribe button. */
export const GET: APIRoute = (context) => handleOneClickPage(context);
export const HEAD = GET;
