/** Classic XSS payloads, used against the renderer and against every public surface staff text reaches. */
export const XSS_PAYLOADS = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '<svg/onload=alert(1)>',
  '<iframe src="javascript:alert(1)"></iframe>',
  '"><script>alert(1)</script>',
  "'><img src=x onerror=alert(1)>",
  '[click](javascript:alert(1))',
  '[click](JaVaScRiPt:alert(1))',
  '[click](&#106;avascript:alert(1))',
  '[click](java\tscript:alert(1))',
  '[click](vbscript:msgbox(1))',
  '[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
  '![x](javascript:alert(1))',
  '![x](https://evil.example/track.png)',
  '<a href="javascript:alert(1)">x</a>',
  '<details open ontoggle=alert(1)>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
  '[x](https://a.example/"onmouseover="alert(1))',
  '`<script>alert(1)</script>`',
  '<style>body{display:none}</style>',
  '<object data="javascript:alert(1)"></object>',
  '{{constructor.constructor("alert(1)")()}}',
  '${alert(1)}',
  '<!--<script>alert(1)</script>-->',
] as const;

const SAFE_TAGS = new Set(['p', 'br', 'em', 'strong', 'a', 'ul', 'ol', 'li', 'code', 'pre', 'blockquote', 'h3', 'h4', 'hr']);

/**
 * True when the HTML holds a real tag (text is escaped, so a literal `<` starts one) outside the
 * allow-list, an attribute other than href/rel, or a link that is not http(s)/mailto.
 */
export function looksExecutable(html: string): boolean {
  for (const [, name = '', attrs = ''] of html.matchAll(/<\/?([a-zA-Z][\w-]*)([^>]*)>/g)) {
    if (!SAFE_TAGS.has(name.toLowerCase())) return true;
    for (const [, attr = '', value = ''] of attrs.matchAll(/([^\s=/]+)(?:="([^"]*)")?/g)) {
      if (attr !== 'href' && attr !== 'rel') return true;
      if (attr === 'href' && !/^(https?:\/\/|mailto:)/i.test(value)) return true;
    }
  }
  return false;
}
