import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer, type SMTPServerSession } from 'smtp-server';

export interface ReceivedMail {
  to: string;
  subject: string;
  text: string;
  html: string;
  messageId: string;
  /** Raw header values by lower-case name, unfolded. */
  headers: Map<string, string>;
}

export interface SmtpSinkOptions {
  /** Answer for a recipient: null accepts; an Error with `responseCode` refuses it. */
  refuse?: (to: string) => (Error & { responseCode: number }) | null;
  /** Called with each message before it is acknowledged; a promise that never settles leaves it unacknowledged. */
  beforeAccept?: (mail: ReceivedMail, count: number) => Promise<void> | void;
}

/**
 * A real SMTP server on loopback (smtp-server, from the nodemailer project). A message counts as
 * received only once the server has acknowledged it, as a real mail server would.
 */
export async function startSmtpSink(options: SmtpSinkOptions = {}) {
  const received: ReceivedMail[] = [];
  const waiters: { count: number; resolve: () => void }[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    size: 1_000_000,
    onRcptTo(address, _session: SMTPServerSession, callback) {
      const refusal = options.refuse?.(address.address) ?? null;
      callback(refusal ?? undefined);
    },
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then(async (parsed: ParsedMail) => {
          const mail: ReceivedMail = {
            to: Array.isArray(parsed.to) ? (parsed.to[0]?.text ?? '') : (parsed.to?.text ?? ''),
            subject: parsed.subject ?? '',
            text: parsed.text ?? '',
            html: typeof parsed.html === 'string' ? parsed.html : '',
            messageId: parsed.messageId ?? '',
            headers: new Map(
              parsed.headerLines.map((h) => [
                h.key,
                h.line
                  .slice(h.line.indexOf(':') + 1)
                  .replace(/\r?\n\s+/g, ' ')
                  .trim(),
              ]),
            ),
          };
          await options.beforeAccept?.(mail, received.length + 1);
          received.push(mail);
          for (const w of waiters.filter((w) => received.length >= w.count)) w.resolve();
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });
  // A sender killed mid-message resets its connections: that is the scenario, not a sink failure.
  server.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'ECONNRESET' && error.code !== 'EPIPE') throw error;
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    /** Resolves once `count` messages have been acknowledged. */
    waitFor: (count: number) =>
      received.length >= count ? Promise.resolve() : new Promise<void>((resolve) => waiters.push({ count, resolve })),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export type SmtpSink = Awaited<ReturnType<typeof startSmtpSink>>;
