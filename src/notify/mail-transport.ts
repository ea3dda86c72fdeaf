import nodemailer from 'nodemailer';
import { createSmtpLanes } from './smtp-lanes.ts';
import type { Locale } from '../domain/vocabulary.ts';

export interface OutgoingMail {
  to: string;
  /** Sent as `Content-Language`, for mail clients and screen readers that do not open the HTML part. */
  language: Locale;
  subject: string;
  text: string;
  html: string;
  /** Stable per (digest, subscriber): a retry after a crash carries the same id, so mail clients can tell it is the same message. */
  messageId?: string;
  headers?: Record<string, string>;
}

export interface MailTransport {
  send(mail: OutgoingMail): Promise<void>;
  /** A message composed beforehand (`bulk-mail.ts`), handed to the SMTP server as it is, for `to`. */
  sendComposed(to: string, raw: string): Promise<void>;
  /** The From of every message. */
  from: string;
  close(): void;
  /** The mailbox `List-Unsubscribe`'s `mailto:` names: `unsubscribeMailbox`, or the From address. */
  unsubscribeMailbox: string;
}

/** What nodemailer composes for a message, whether sent at once or composed once for many (`bulk-mail.ts`). */
export function mailOptions(from: string, mail: Omit<OutgoingMail, 'to'> & { to?: string }) {
  return {
    from,
    ...(mail.to ? { to: mail.to } : {}),
    subject: mail.subject,
    text: mail.text,
    html: mail.html,
    ...(mail.messageId ? { messageId: mail.messageId } : {}),
    // Automatic mail (RFC 3834): out-of-office replies are not sent back to thousands of recipients.
    headers: { 'Auto-Submitted': 'auto-generated', 'Content-Language': mail.language, ...mail.headers },
  };
}

/**
 * nodemailer over any SMTP server, pooled: a wave of messages reuses a few connections. Messages
 * composed beforehand go through connections of their own (`smtp-lanes.ts`), opened on first use.
 */
export function createMailTransport(options: {
  url: string;
  from: string;
  maxConnections?: number;
  unsubscribeMailbox?: string;
}): MailTransport {
  // nodemailer reads pool options from the URL's query, next to whatever the operator put there.
  const url = new URL(options.url);
  url.searchParams.set('pool', 'true');
  url.searchParams.set('maxConnections', String(options.maxConnections ?? 4));
  url.searchParams.set('maxMessages', String(1_000_000));
  const transporter = nodemailer.createTransport(url.toString());
  const envelopeFrom = addressOf(options.from);
  const lanes = createSmtpLanes(options.url, options.maxConnections ?? 4);
  return {
    async send(mail) {
      await transporter.sendMail(mailOptions(options.from, mail));
    },
    async sendComposed(to, raw) {
      await lanes.send({ from: envelopeFrom, to: [to] }, raw);
    },
    from: options.from,
    close: () => {
      transporter.close();
      lanes.close();
    },
    unsubscribeMailbox: options.unsubscribeMailbox ?? envelopeFrom,
  };
}

/** `Vigie <alertes@example.gouv.fr>` → `alertes@example.gouv.fr` (pure). */
export function addressOf(from: string): string {
  const open = from.lastIndexOf('<');
  const close = from.lastIndexOf('>');
  return open >= 0 && close > open ? from.slice(open + 1, close).trim() : from.trim();
}
