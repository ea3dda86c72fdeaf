import nodemailer from 'nodemailer';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Stable per (digest, subscriber): a retry after a crash carries the same id, so mail clients can tell it is the same message. */
  messageId?: string;
  headers?: Record<string, string>;
}

export interface MailTransport {
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
}

/** nodemailer over any SMTP server, pooled: a wave of messages reuses a few connections. */
export function createMailTransport(options: { url: string; from: string; maxConnections?: number }): MailTransport {
  // nodemailer reads pool options from the URL's query, next to whatever the operator put there.
  const url = new URL(options.url);
  url.searchParams.set('pool', 'true');
  url.searchParams.set('maxConnections', String(options.maxConnections ?? 4));
  url.searchParams.set('maxMessages', String(1_000_000));
  const transporter = nodemailer.createTransport(url.toString());
  return {
    async send(mail) {
      await transporter.sendMail({
        from: options.from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        ...(mail.messageId ? { messageId: mail.messageId } : {}),
        // Automatic mail (RFC 3834): out-of-office replies are not sent back to thousands of recipients.
        headers: { 'Auto-Submitted': 'auto-generated', ...mail.headers },
      });
    },
    close: () => transporter.close(),
  };
}
