import type { OperatorFacts } from '../../src/config/operator-schema.ts';

/** Every operator fact, as a public body would fill them in (made-up but well-formed values). */
export const COMPLETE_OPERATOR = {
  publisher: {
    name: 'Direction interministérielle du numérique',
    legalForm: 'service du Premier ministre',
    address: '20 avenue de Ségur, 75007 Paris',
    phone: '01 02 03 04 05',
    email: 'contact@example.gouv.fr',
    siren: '130 025 265',
  },
  director: { name: 'Camille Martin', role: 'directrice du numérique' },
  host: { name: 'Hébergeur Exemple', address: '1 rue de l’Exemple, 59000 Lille', phone: '03 00 00 00 00', dataLocation: 'France' },
  dataProtection: {
    controller: 'Direction interministérielle du numérique',
    dpo: { email: 'dpd@example.gouv.fr', address: '20 avenue de Ségur, 75007 Paris' },
    serverLogRetentionDays: 180,
    mailProvider: 'Brevo',
    transfersOutsideEu: 'none',
  },
  contentLicence: 'etalab-2.0',
  independent: false,
  accessibility: {
    contact: { email: 'accessibilite@example.gouv.fr', address: '20 avenue de Ségur, 75007 Paris' },
    statementDate: '2026-10-01',
    multiYearSchemeUrl: 'https://example.gouv.fr/schema-pluriannuel',
    actionPlanUrl: 'https://example.gouv.fr/plan-2026',
    audit: {
      rgaaVersion: '4.1.2',
      date: '2026-09-15',
      auditor: 'Cabinet Exemple',
      criteriaMetPercent: 82.5,
      nonConformities: [
        { fr: 'Le graphique des temps de réponse n’a pas de légende textuelle.', en: 'The response-time chart has no text legend.' },
      ],
      derogations: [],
      outOfScope: ['Les flux RSS et Atom.'],
      testEnvironment: [
        { browser: 'Firefox 128', screenReader: 'NVDA 2024.4' },
        { browser: 'Safari 18', screenReader: 'VoiceOver (macOS 15)' },
      ],
      tools: ['Assistant RGAA', 'Colour Contrast Analyser'],
      pagesSampled: [
        { title: { fr: 'Accueil', en: 'Home' }, url: '/fr/' },
        { title: 'Connexion des agents', url: '/admin/login' },
      ],
    },
  },
} satisfies OperatorFacts;
