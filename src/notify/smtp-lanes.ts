import { parseConnectionUrl } from 'nodemailer/lib/shared';
import SMTPConnection from 'nodemailer/lib/smtp-connection';

/** A connection left unused this long is closed; the next message opens another. */
const IDLE_MS = 5_000;

interface Lane {
  connection: SMTPConnection;
  ready: Promise<void>;
  alive: boolean;
  sent: number;
  idle?: NodeJS.Timeout;
}

type Envelope = { from: string; to: string[] };

/**
 * Connections kept open to the SMTP server for messages composed beforehand (`bulk-mail.ts`),
 * each sending one message at a time: nodemailer's own SMTP client, without its mailer and pool,
 * which handle every message as a MIME tree of streams and took two thirds of the sender's time
 * per message in a wave. Settings come from the same URL (`smtps:`, user and password, `?tls…`).
 * A connection that fails or that the server closes is dropped, and its message fails like any
 * other (the sender retries it); a message the server refuses leaves the connection in use.
 */
export function createSmtpLanes(url: string, size: number) {
  const { auth, ...options } = parseConnectionUrl(url);
  const free: Lane[] = [];
  const waiting: ((lane: Lane) => void)[] = [];
  let open = 0;
  let closed = false;

  function retire(lane: Lane): void {
    if (!lane.alive) return;
    lane.alive = false;
    open -= 1;
    clearTimeout(lane.idle);
    const i = free.indexOf(lane);
    if (i >= 0) free.splice(i, 1);
    lane.connection.close();
  }

  function openLane(): Lane {
    open += 1;
    const connection = new SMTPConnection(options);
    const lane: Lane = { connection, alive: true, sent: 0, ready: Promise.resolve() };
    lane.ready = new Promise((resolve, reject) => {
      // Errors while sending also reach the send callback, which decides for the message.
      connection.on('error', (error) => {
        reject(error);
        retire(lane);
      });
      connection.once('end', () => {
        reject(Object.assign(new Error('The SMTP server closed the connection'), { code: 'ECONNECTION' }));
        retire(lane);
      });
      connection.connect(() => {
        if (!auth || !connection.allowsAuth) return resolve();
        connection.login({ credentials: auth }, (error) => {
          if (!error) return resolve();
          reject(error);
          retire(lane);
        });
      });
    });
    return lane;
  }

  async function take(): Promise<Lane> {
    const lane = free.pop();
    if (lane) {
      clearTimeout(lane.idle);
      return lane;
    }
    if (open < size) return openLane();
    return new Promise((resolve) => waiting.push(resolve));
  }

  function give(lane: Lane): void {
    const next = waiting.shift();
    // A dropped connection's turn goes to whoever waits, on a new one.
    if (next) return next(lane.alive ? lane : openLane());
    if (!lane.alive) return;
    if (closed) return lane.connection.quit();
    free.push(lane);
    lane.idle = setTimeout(() => lane.connection.quit(), IDLE_MS).unref();
  }

  /** Resolves once the server accepted the message; a refused one leaves the session reset for the next. */
  function transmit(lane: Lane, envelope: Envelope, raw: string): Promise<void> {
    return new Promise((resolve, reject) => {
      lane.connection.send(envelope, raw, (error) => {
        if (!error) return resolve();
        const { code, responseCode } = error as { code?: string; responseCode?: number };
        if ((code !== 'EENVELOPE' && code !== 'EMESSAGE') || responseCode === 421 || !lane.alive) {
          retire(lane);
          return reject(error);
        }
        lane.connection.reset((resetError) => {
          if (resetError) retire(lane);
          reject(error);
        });
      });
    });
  }

  return {
    async send(envelope: Envelope, raw: string): Promise<void> {
      for (let attempt = 1; ; attempt += 1) {
        if (closed) throw Object.assign(new Error('The SMTP connections are closed'), { code: 'ECONNECTION' });
        const lane = await take();
        try {
          await lane.ready;
          await transmit(lane, envelope, raw);
          lane.sent += 1;
          return;
        } catch (error) {
          // A server ends a connection left idle (421, or a closed socket) as the next message
          // starts on it: that message goes once more, on a new connection, as nodemailer's pool does.
          if (attempt > 1 || lane.sent === 0 || !isTransient(error)) throw error;
        } finally {
          give(lane);
        }
      }
    },
    close(): void {
      closed = true;
      for (const lane of free.splice(0)) lane.connection.quit();
    },
  };
}

function isTransient(error: unknown): boolean {
  const { code, responseCode } = error as { code?: string; responseCode?: number };
  return responseCode === 421 || code === 'ECONNECTION' || code === 'ESOCKET' || code === 'ETIMEDOUT';
}
