import { randomBytes } from 'node:crypto';
import MailComposer from 'nodemailer/lib/mail-composer';
import { foldLines } from 'nodemailer/lib/mime-funcs';
import MimeNode from 'nodemailer/lib/mime-node';
import { encode, wrap } from 'nodemailer/lib/qp';
import { mailOptions, type OutgoingMail } from './mail-transport.ts';
import type { OwnFooter } from './render-message.ts';

/**
 * Stand-ins for the subscriber's own footer lines in a message composed once for many: random per
 * process, so no text of a message can contain one.
 */
const nonce = randomBytes(12).toString('hex');
export const OWN_LINES: OwnFooter = { text: `vigie-own-text-${nonce}`, html: `vigie-own-html-${nonce}` };
const HEADERS_SLOT = `vigie-headers-${nonce}`;
const ID_SLOT = `<vigie-id-${nonce}@slot.invalid>`;

/** What one subscriber's copy of a bulk message has of its own. */
export interface BulkRecipient {
  to: string;
  messageId: string;
  date: Date;
  headers: Record<string, string>;
  own: OwnFooter;
}

/** One subscriber's copy, as the raw message for `MailTransport.sendComposed`. */
export type BulkMail = (recipient: BulkRecipient) => string;

/**
 * Composes a message once for every subscriber who gets the same text, as nodemailer composes it
 * (`mailOptions`, quoted-printable parts), with slots for what differs per subscriber: the headers
 * naming them (To, Message-ID, Date, List-Unsubscribe) and their own footer lines, which stand on
 * lines of their own (`withFooter`). Filling a copy encodes only those, so a wave of 100,000
 * messages composes its MIME a handful of times. `mail.text` and `mail.html` carry `OWN_LINES`.
 */
export async function composeBulk(from: string, mail: Omit<OutgoingMail, 'to' | 'messageId' | 'headers'>): Promise<BulkMail> {
  const options = mailOptions(from, { ...mail, messageId: ID_SLOT, headers: { Date: HEADERS_SLOT } });
  // Quoted-printable whatever the text, and CRLF throughout: a footer line is encoded alone the same way.
  const part = (content: string) => ({ content: crlf(content), contentTransferEncoding: 'quoted-printable' });
  const built = await new MailComposer({ ...options, text: part(options.text), html: part(options.html) }).compile().build();
  const pieces = built
    .toString()
    .replace(`Message-ID: ${ID_SLOT}\r\n`, '')
    .split(new RegExp(`Date: ${HEADERS_SLOT}|${OWN_LINES.text}|${OWN_LINES.html}`));
  if (pieces.length !== 4) throw new Error('A bulk message must hold each of OWN_LINES once, text and HTML, on lines of their own.');
  const [start, headed, texted, end] = pieces as [string, string, string, string];
  return (r) => {
    const headers = [
      `Date: ${r.date.toUTCString().replace('GMT', '+0000')}`,
      header('To', r.to),
      header('Message-ID', r.messageId),
      ...Object.entries(r.headers).map(([key, value]) => header(key, value)),
    ].join('\r\n');
    return start + headers + headed + quotedPrintable(r.own.text) + texted + quotedPrintable(r.own.html) + end;
  };
}

// One node for every header line: nodemailer's static encodeHeaderValue makes a node, and random bytes, each call.
const encoder = new MimeNode();

/** A header line as nodemailer writes it: encoded where it must be, folded at 76 characters. */
function header(key: string, value: string): string {
  return foldLines(`${key}: ${encoder.encodeHeaderValue(key, value)}`, 76);
}

function quotedPrintable(text: string): string {
  return wrap(encode(crlf(text)), 76);
}

function crlf(text: string): string {
  return text.replace(/\r?\n/g, '\r\n');
}
