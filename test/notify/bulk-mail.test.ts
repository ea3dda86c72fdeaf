import { simpleParser, type ParsedMail } from 'mailparser';
import MailComposer from 'nodemailer/lib/mail-composer';
import { describe, expect, it } from 'vitest';
import { composeBulk, OWN_LINES, type BulkRecipient } from '../../src/notify/bulk-mail.ts';
import { mailOptions } from '../../src/notify/mail-transport.ts';
import { ownFooter, withFooter, type RenderedDigest } from '../../src/notify/render-message.ts';

const FROM = 'Vigie – Ministère <vigie@example.test>';
// Accents, a line far past 76 characters, a trailing space, an equals sign: what quoted-printable must take care of.
const digest: RenderedDigest = {
  subject: 'Vigie – En panne\u00a0: impots.gouv.fr, caf.fr et 14\u00a0autres services',
  text: `impots.gouv.fr\u00a0: panne confirmée depuis le 5 janvier à 9 h 00 ${'très '.repeat(30)}\nligne finie par un espace \na=b`,
  html: `<p>impots.gouv.fr\u00a0: panne confirmée ${'<span lang="fr">très</span> '.repeat(20)}</p>`,
};
const shared = { locale: 'fr' as const, publisher: 'Direction interministérielle du numérique' };

function recipient(to: string, token: string): BulkRecipient {
  const oneClick = `https://vigie.example.test/unsubscribe?t=${token}`;
  return {
    to,
    messageId: `<d1.${token}@vigie.example.test>`,
    date: new Date('2026-12-06T10:00:00Z'),
    own: ownFooter({
      locale: 'fr',
      consentedAt: new Date('2026-01-01T09:00:00Z'),
      manageUrl: `https://vigie.example.test/fr/abonnement/gerer?t=${token}`,
    }),
    headers: {
      'List-Unsubscribe': `<${oneClick}>, <mailto:vigie@example.test?subject=unsubscribe&body=${encodeURIComponent(oneClick)}>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    },
  };
}

/** The same message composed by nodemailer on its own, for one subscriber. */
async function alone(r: BulkRecipient): Promise<ParsedMail> {
  const message = withFooter(digest, shared, r.own);
  const options = mailOptions(FROM, { to: r.to, language: 'fr', ...message, messageId: r.messageId, headers: r.headers });
  return simpleParser(await new MailComposer({ ...options, date: r.date }).compile().build());
}

const readable = (m: ParsedMail) => ({
  from: m.from?.text,
  to: Array.isArray(m.to) ? m.to.map((a) => a.text) : m.to?.text,
  subject: m.subject,
  messageId: m.messageId,
  date: m.date?.toISOString(),
  text: m.text,
  html: m.html,
  headers: ['auto-submitted', 'content-language', 'list-unsubscribe', 'list-unsubscribe-post'].map((k) => m.headers.get(k)),
});

describe('a message composed once for many subscribers', () => {
  it('reads, for each of them, exactly as the message nodemailer composes for that one alone', async () => {
    const bulk = await composeBulk(FROM, { language: 'fr', ...withFooter(digest, shared, OWN_LINES) });
    for (const r of [recipient('a@example.test', 'A'.repeat(43)), recipient('b@exämple.test', 'b-_'.repeat(14))]) {
      const raw = bulk(r);
      // CRLF only, and the body in lines of 76 characters at most, as nodemailer writes it.
      expect(raw.replaceAll('\r\n', '')).not.toMatch(/[\r\n]/);
      const body = raw.slice(raw.indexOf('\r\n\r\n')).split('\r\n');
      expect(body.filter((line) => line.length > 76)).toEqual([]);
      const copy = await simpleParser(raw);
      expect(readable(copy)).toEqual(readable(await alone(r)));
    }
  });

  it('refuses a message without the subscriber’s own lines to fill in', async () => {
    await expect(
      composeBulk(FROM, {
        language: 'fr',
        ...withFooter(digest, shared, ownFooter({ ...shared, consentedAt: new Date(), manageUrl: 'https://x.fr/' })),
      }),
    ).rejects.toThrow(/OWN_LINES/);
  });
});
