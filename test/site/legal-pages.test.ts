import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { typographyProblems } from '../i18n/typography.ts';
import { COMPLETE_OPERATOR } from '../legal/operator-fixture.ts';
import { startSite, type RunningSite } from '../support/site-server.ts';
import { createSiteData, TEST_CATALOGUE } from '../support/seed-site.ts';

/**
 * The mandatory pages as a public body would publish them: one site with every operator fact,
 * one with none (each gap said plainly, nothing invented), both real processes.
 */
const sites: { complete?: RunningSite; empty?: RunningSite } = {};
const cleanups: (() => Promise<void>)[] = [];

beforeAll(async () => {
  for (const [key, catalogue] of [
    ['complete', { ...TEST_CATALOGUE, operator: COMPLETE_OPERATOR }],
    ['empty', TEST_CATALOGUE],
  ] as const) {
    const data = await createSiteData(catalogue);
    await data.store.close();
    cleanups.push(data.cleanup);
    // With subscriptions on, so the alerts processing is described too (no message is sent here).
    const mail: Record<string, string> =
      key === 'complete' ? { VIGIE_SMTP_URL: 'smtp://127.0.0.1:9', VIGIE_MAIL_FROM: 'alertes@example.gouv.fr' } : {};
    sites[key] = await startSite({ ...data.env, ...mail });
  }
});

afterAll(async () => {
  await Promise.all([sites.complete?.stop(), sites.empty?.stop()]);
  for (const cleanup of cleanups) await cleanup();
});

async function page(which: 'complete' | 'empty', path: string): Promise<{ html: string; text: string }> {
  const response = await fetch(`${sites[which]?.url}${path}`);
  expect(response.status).toBe(200);
  const html = await response.text();
  const text = html
    .replace(/<(script|style)[\s\S]*?<\/\1>/g, ' ')
    .replace(/<\/?(?:a|em|span|code|strong)\b[^>]*>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/[ \t\r\n]+/g, ' ');
  return { html, text };
}

const squash = (text: string) => text.replace(/[\s\u00a0\u202f]+/g, ' ');

describe('accessibility statement', () => {
  it('follows the RGAA model, section by section, with the status computed from the audit', async () => {
    const { text } = await page('complete', '/fr/accessibilite');
    const sections = [
      'État de conformité',
      'Résultats des tests',
      'Contenus non accessibles',
      'Non-conformités',
      'Dérogations pour charge disproportionnée',
      'Contenus non soumis à l’obligation d’accessibilité',
      'Établissement de cette déclaration d’accessibilité',
      'Technologies utilisées pour la réalisation du site',
      'Environnement de test',
      'Outils pour évaluer l’accessibilité',
      'Pages du site ayant fait l’objet de la vérification de conformité',
      'Retour d’information et contact',
      'Voies de recours',
    ];
    let at = -1;
    for (const heading of sections) {
      const next = text.indexOf(heading, at + 1);
      expect(next, heading).toBeGreaterThan(at);
      at = next;
    }
    const words = squash(text);
    expect(words).toContain(
      'est partiellement conforme avec le référentiel général d’amélioration de l’accessibilité (RGAA), version 4.1.2',
    );
    expect(words).toContain(
      'L’audit de conformité réalisé par Cabinet Exemple le 15 septembre 2026 révèle que 82,5 % des critères du RGAA version 4.1.2 sont respectés.',
    );
    expect(words).toContain('Firefox 128 et NVDA 2024.4');
    expect(words).toContain('ou obtenir le contenu sous une autre forme');
    expect(words).toContain('y compris l’espace réservé aux agents');
    expect(words).toContain(
      'Envoyer un courrier par la poste (gratuit, ne pas mettre de timbre) : Défenseur des droits, Libre réponse 71120, 75342 Paris CEDEX 07',
    );
    expect(words).toContain('Accessibilité : partiellement conforme');
  });

  it('links the Défenseur des droits and marks it French on the English page', async () => {
    const fr = await page('complete', '/fr/accessibilite');
    expect(fr.html).toContain('href="https://formulaire.defenseurdesdroits.fr/"');
    expect(fr.html).toContain('href="https://www.defenseurdesdroits.fr/carte-des-delegues"');
    const en = await page('complete', '/en/accessibility');
    expect(en.html).toContain('<a href="https://formulaire.defenseurdesdroits.fr/" lang="fr">Défenseur des droits</a>');
    expect(en.html).toContain('<span lang="fr">Les flux RSS et Atom.</span>');
    expect(squash(en.text)).toContain('is partially compliant with the French accessibility framework RGAA, version 4.1.2');
  });

  it('says « non conforme » without an audit, that axe tests are no audit, and what is not provided', async () => {
    const { text } = await page('empty', '/fr/accessibilite');
    const words = squash(text);
    expect(words).toContain(
      'est non conforme avec le référentiel général d’amélioration de l’accessibilité (RGAA) : aucun audit de conformité n’a encore été réalisé.',
    );
    expect(words).toContain('ne constituent pas une évaluation au sens du RGAA');
    expect(words).toContain('Cette déclaration a été établie le (information pas encore fournie par l’éditeur du site).');
    expect(words).toContain('Accessibilité : non conforme');
    expect(words).not.toMatch(/partiellement conforme|totalement conforme/);
  });

  it('covers the staff pages, whose footer states the same status', async () => {
    const { text } = await page('complete', '/admin/login');
    expect(squash(text)).toContain('Accessibilité : partiellement conforme');
  });
});

describe('legal notice and personal data', () => {
  it('name the publisher, the director and the host from the operator facts', async () => {
    const words = squash((await page('complete', '/fr/mentions-legales')).text);
    for (const fact of [
      'Direction interministérielle du numérique',
      'service du Premier ministre',
      '130 025 265',
      'Camille Martin',
      'directrice du numérique',
      'Hébergeur Exemple',
      '03 00 00 00 00',
    ]) {
      expect(words).toContain(fact);
    }
  });

  it('say plainly which facts are not provided, never inventing them', async () => {
    const words = squash((await page('empty', '/fr/mentions-legales')).text);
    expect(words).toContain('Numéro SIREN : (information pas encore fournie par l’éditeur du site)');
    expect(words).toContain('Hébergeur : (information pas encore fournie par l’éditeur du site)');
  });

  it('describe each processing with its purpose, basis, data, actual retention and recipients, and the session cookie', async () => {
    const words = squash((await page('complete', '/fr/donnees-personnelles')).text);
    for (const heading of [
      'Journaux du serveur web',
      'Comptes et sessions des agents',
      'Journal des actions et des tentatives de connexion',
    ])
      expect(words).toContain(heading);
    // Every processing, alerts included, has the same seven lines.
    for (const line of ['Finalité', 'Base légale', 'Données', 'Durée de conservation', 'Destinataires', 'Sous-traitants', 'Vos droits']) {
      expect(words.match(new RegExp(`${line} :`, 'g')), line).toHaveLength(4);
    }
    expect(words).toContain('Durée de conservation : 180 jours.');
    expect(words).toContain('Durée de conservation : 365 jours pour le journal ; 24 h pour le décompte des échecs de connexion');
    expect(words).toContain('adresse IP');
    expect(words).toContain('__Host-vigie_session');
    expect(words).toContain('dpd@example.gouv.fr');
    expect(words).toContain('localisation des serveurs : France');
    expect(words).toContain('réclamation à la Commission nationale de l’informatique et des libertés (CNIL)');
  });

  it('describe the alerts as a consent-based processing: everything kept, its processors, withdrawal and portability', async () => {
    const words = squash((await page('complete', '/fr/donnees-personnelles')).text);
    const alerts = words.slice(words.indexOf('Alertes par courriel'), words.indexOf('Transferts hors'));
    expect(alerts).toContain('Base légale : votre consentement');
    expect(alerts).toContain('la trace de chaque message envoyé');
    expect(alerts).toContain('données pseudonymisées');
    expect(alerts).toContain('la trace des messages envoyés est gardée 90 jours et les empreintes 24 h');
    expect(alerts).toContain(
      'Sous-traitants : l’hébergeur Hébergeur Exemple (localisation des serveurs : France) et le prestataire d’envoi de courriels Brevo.',
    );
    expect(alerts).toContain('portabilité');
    expect(alerts).toContain('retirer votre consentement à tout moment en vous désabonnant');
    expect(alerts).not.toMatch(/rien d’autre|opposition/i);
    expect(words).toContain('Aucune donnée personnelle n’est transférée hors de l’Union européenne.');
    const en = squash((await page('complete', '/en/personal-data')).text);
    expect(en).toContain('withdraw your consent at any time by unsubscribing');
    expect(en).toContain('No personal data is transferred outside the European Union.');
    // Without subscriptions there is no such processing to describe.
    expect(squash((await page('empty', '/fr/donnees-personnelles')).text)).not.toContain('Alertes par courriel');
  });

  it('are matched by the subscribe form: all that is kept, and the link inside the sentence', async () => {
    const { html, text } = await page('complete', '/fr/abonnement');
    const words = squash(text);
    expect(words).toContain('la trace des messages envoyés pendant 90 jours ; pour limiter les abus, une empreinte');
    expect(words).not.toContain('rien d’autre');
    expect(html).toMatch(/Détails sur la page <a href="\/fr\/donnees-personnelles">Données personnelles<\/a>\./);
  });

  it('give the content licence, etalab-2.0 unless the operator chose another, and the "not endorsed" sentence only for an independent publisher', async () => {
    const complete = await page('complete', '/fr/mentions-legales');
    expect(squash(complete.text)).toContain('Réutilisation des contenus Sauf mention contraire, les contenus de ce site');
    expect(complete.html).toContain('href="https://www.etalab.gouv.fr/licence-ouverte-open-licence/"');
    expect(squash(complete.text)).not.toContain('ne signifie pas que ces organismes ont approuvé ce site');
    const empty = await page('empty', '/fr/mentions-legales');
    expect(squash(empty.text)).toContain('Licence Ouverte / Open Licence version 2.0 (etalab-2.0)');
    expect(squash(empty.text)).toContain('ne signifie pas que ces organismes ont approuvé ce site');
    expect(squash((await page('empty', '/en/legal-notice')).text)).toContain('Reuse of content Unless stated otherwise');
  });
});

describe('French typography of the rendered pages', () => {
  it.each(['/fr/accessibilite', '/fr/mentions-legales', '/fr/donnees-personnelles', '/fr/sondes', '/fr/'])('%s', async (path) => {
    for (const which of ['complete', 'empty'] as const) {
      const { text } = await page(which, path);
      expect(typographyProblems(text.replace(/https?:\/\/\S+/g, ''))).toEqual([]);
    }
  });
});
