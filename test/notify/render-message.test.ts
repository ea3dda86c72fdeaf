import { describe, expect, it } from 'vitest';
import type { Localized } from '../../src/domain/vocabulary.ts';
import { messageItems } from '../../src/notify/message-items.ts';
import { ownFooter, renderDigest, withFooter } from '../../src/notify/render-message.ts';
import { down, event, incident, up } from './events.ts';

const names = new Map<string, Localized>([
  ['caf', { fr: 'caf.fr', en: 'caf.fr' }],
  ['impots', { fr: 'impots.gouv.fr', en: 'impots.gouv.fr' }],
]);
const URL = 'https://vigie.example.fr';
const spaces = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ').replace(/ (?=[:;!?])/g, '\u00a0');
const render = (events: Parameters<typeof messageItems>[0], locale: 'fr' | 'en') =>
  renderDigest(messageItems(events, locale, names), locale, URL);

describe('message rendering in the subscriber’s language', () => {
  it.each([
    {
      name: 'an outage in French, Paris time with French typography',
      events: [down('impots', 0)],
      locale: 'fr' as const,
      subject: 'Vigie – impots.gouv.fr en panne',
      text: [
        'impots.gouv.fr\u00a0: panne confirmée depuis le 10 mars 2026 à 10 h 58 (heure de Paris).',
        'Détails\u00a0: https://vigie.example.fr/fr/services/impots',
      ],
    },
    {
      name: 'a recovery in English, with its duration',
      events: [up('caf', 600)],
      locale: 'en' as const,
      subject: 'Vigie – caf.fr is working again',
      text: [
        'caf.fr: working again since 10 March 2026 at 11:10 (Paris time), after being down for 10 min.',
        'Details: https://vigie.example.fr/en/services/caf',
      ],
    },
    {
      name: 'a wave of outages: one message listing them, the news in the subject',
      events: [down('impots', 0), down('caf', 5), down('gone', 9)],
      locale: 'en' as const,
      subject: 'Vigie – Down: impots.gouv.fr, caf.fr and gone',
      text: ['impots.gouv.fr: down since', 'caf.fr: down since', 'gone: down since'],
    },
    {
      name: 'a larger wave with recoveries and a notice: two names each, then how many more',
      events: [down('impots', 0), down('caf', 5), down('a', 6), down('b', 7), up('c', 8), incident('incident_published', ['caf'], 9)],
      locale: 'fr' as const,
      subject:
        'Vigie – En panne\u00a0: impots.gouv.fr, caf.fr et 2\u00a0autres services\u00a0; De nouveau accessible\u00a0: c\u00a0; 1\u00a0autre avis',
      text: ['impots.gouv.fr\u00a0: panne confirmée depuis'],
    },
    {
      name: 'a French-only notice reaches English subscribers in French, with the English line',
      events: [incident('incident_published', ['caf'], 0, null)],
      locale: 'en' as const,
      subject: 'Vigie – New incident: Connexions lentes',
      text: [
        'This notice is in French for now; the English translation will follow.',
        // Plain text reads the Markdown without its asterisks; the HTML part renders it.
        'Nous cherchons la cause.',
        'Affected services: caf.fr.',
      ],
    },
    {
      name: 'only the title still French: the English line says so, above the English text',
      events: [
        event(
          {
            kind: 'incident_resolved',
            incidentId: 'inc1',
            title: { fr: 'Connexion avec FranceConnect perturbée', en: null },
            status: 'resolved',
            body: { fr: 'La connexion fonctionne de nouveau.', en: 'Signing in works normally again.' },
            serviceIds: ['caf'],
          },
          0,
        ),
      ],
      locale: 'en' as const,
      subject: 'Vigie – Incident resolved: Connexion avec FranceConnect perturbée',
      text: ['The title of this notice is in French for now; the English translation will follow.', 'Signing in works normally again.'],
    },
    {
      name: 'a translated notice in English has no such line',
      events: [incident('incident_resolved', ['caf'], 0)],
      locale: 'en' as const,
      subject: 'Vigie – Incident resolved: Slow logins',
      text: ['We are looking into it.', 'https://vigie.example.fr/en/incidents/inc1'],
    },
    {
      name: 'a maintenance window',
      events: [
        event(
          {
            kind: 'maintenance_scheduled',
            maintenanceId: 'm',
            title: { fr: 'Travaux', en: 'Works' },
            serviceIds: ['caf'],
            startsAt: '2026-03-12T20:00:00Z',
            endsAt: '2026-03-12T22:00:00Z',
          },
          0,
        ),
      ],
      locale: 'fr' as const,
      subject: 'Vigie – Maintenance prévue\u00a0: Travaux',
      text: ['Période\u00a0: le 12 mars 2026 de 21 h à 23 h (heure de Paris).', 'https://vigie.example.fr/fr/maintenance'],
    },
    {
      name: 'a cancelled maintenance: the window it no longer covers',
      events: [
        event(
          {
            kind: 'maintenance_cancelled',
            maintenanceId: 'm',
            title: { fr: 'Travaux', en: 'Works' },
            serviceIds: ['caf'],
            startsAt: '2026-03-12T20:00:00Z',
            endsAt: '2026-03-12T22:00:00Z',
          },
          0,
        ),
      ],
      locale: 'fr' as const,
      subject: 'Vigie – Maintenance annulée\u00a0: Travaux',
      text: ['Elle n’aura pas lieu le 12 mars 2026 de 21 h à 23 h (heure de Paris).', 'Services touchés\u00a0: caf.fr.'],
    },
  ])('$name', ({ events, locale, subject, text }) => {
    const digest = render(events, locale);
    expect(digest.subject).toBe(subject);
    // Intl puts no-break spaces inside dates and durations: compared as plain spaces.
    for (const line of text) expect(spaces(digest.text)).toContain(spaces(line));
  });

  it('marks French text in an English HTML message, renders Markdown and escapes staff text', () => {
    const hostile = incident('incident_published', ['caf'], 0, null);
    if (hostile.payload.kind === 'incident_published') hostile.payload.title.fr = '<script>alert(1)</script>';
    const digest = render([hostile], 'en');
    expect(digest.html).toContain('<span lang="fr">&lt;script&gt;alert(1)&lt;/script&gt;</span>');
    expect(digest.html).toContain('<div lang="fr"><p>Nous <strong>cherchons</strong> la cause.</p>');
    expect(digest.html).not.toContain('<script>');
    expect(render([incident('incident_published', ['caf'], 0)], 'en').html).not.toContain('lang="fr"');
  });

  it('adds the subscriber’s footer: who sends it, why, and the manage link, in text and HTML', () => {
    const message = withFooter(
      render([down('caf', 0)], 'fr'),
      { locale: 'fr', publisher: 'Direction interministérielle du numérique' },
      ownFooter({
        locale: 'fr',
        consentedAt: new Date('2026-01-05T09:00:00Z'),
        manageUrl: 'https://vigie.example.fr/fr/abonnement/gerer?t=abc',
      }),
    );
    expect(spaces(message.text)).toContain('cette adresse est abonnée aux alertes de Vigie depuis le 5 janvier 2026');
    expect(message.text).toContain(
      'Message automatique de Vigie, publié par Direction interministérielle du numérique. Merci de ne pas y répondre.',
    );
    expect(message.html).toContain('publié par Direction interministérielle du numérique');
    const neutral = withFooter(
      render([down('caf', 0)], 'en'),
      { locale: 'en' },
      ownFooter({ locale: 'en', consentedAt: new Date(), manageUrl: 'https://x.fr/' }),
    );
    expect(neutral.text).toContain('Automatic message from Vigie. Please do not reply.');
    expect(message.text).toContain('se désabonner\u00a0: https://vigie.example.fr/fr/abonnement/gerer?t=abc');
    expect(message.html).toContain('<html lang="fr">');
    expect(message.html).toContain('href="https://vigie.example.fr/fr/abonnement/gerer?t=abc"');
  });
});
