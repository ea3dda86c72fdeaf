import { CONTENT_LICENCES, DEFAULT_CONTENT_LICENCE, type ContentLicence, type Prose } from '../config/operator-schema.ts';
import type { Processing } from '../legal/processings.ts';
import type { frLegal } from './fr-legal.ts';
import { CNIL_COMPLAINTS, MISSING } from './info-constants.ts';
import {
  frenchTerm,
  given,
  mailto,
  proseIn,
  processingSection,
  type InfoFacts,
  type Inline,
  type Paragraph,
  type ProcessingLines,
  type Section,
} from './info-types.ts';

/** The legal notice and the personal-data page in English; same sections as the French. */

const missing = MISSING.en;
const fact = (label: string, value: Inline): Paragraph => [`${label}: `, value];
const absent: Inline = { text: missing, missing: true };
const frenchOrMissing = (value: string | undefined): Inline => (value ? frenchTerm(value, 'en') : absent);

const LABELS = {
  purpose: 'Purpose: ',
  basis: 'Legal basis: ',
  data: 'Data: ',
  retention: 'Retention: ',
  recipients: 'Recipients: ',
  processors: 'Processors: ',
  rights: 'Your rights: ',
};
const processing = (heading: string, lines: ProcessingLines): Section => processingSection(heading, LABELS, lines);

const PUBLIC_TASK = 'performance of a task carried out in the public interest (GDPR, article 6(1)(e)).';

const STAFF = 'authorised staff of the publisher.';
const PUBLIC_TASK_RIGHTS =
  'access, rectification, erasure, restriction and objection (GDPR, articles 15 to 18 and 21), under the conditions those articles set.';

function processors(f: InfoFacts, mail = false): Inline[] {
  return [
    'the hosting provider ',
    given(f.operator.host?.name, missing),
    ' (server location: ',
    given(f.operator.host?.dataLocation, missing),
    ')',
    ...(mail ? [' and the email delivery provider ', given(f.operator.dataProtection?.mailProvider, missing)] : []),
    '.',
  ];
}

const LICENCE_NAMES: Record<ContentLicence, string> = {
  'etalab-2.0': 'Open Licence version 2.0 (etalab-2.0)',
  'CC-BY-4.0': 'Creative Commons Attribution 4.0 International (CC BY 4.0)',
  'CC0-1.0': 'Creative Commons Zero 1.0 (CC0, public domain dedication)',
};

function transfers(fact: Prose | 'none' | undefined): Paragraph {
  if (fact === undefined) return absent;
  return fact === 'none' ? 'No personal data is transferred outside the European Union.' : proseIn(fact, 'en');
}

const PROCESSINGS: Record<Processing, (f: InfoFacts) => Section> = {
  serverLogs: (f) =>
    processing('Web server logs', {
      purpose: 'keeping the site secure and working (detecting attacks and failures).',
      basis: PUBLIC_TASK,
      data: 'IP address, date and time, address of the page requested. Vigie itself writes no log of visits: this log is kept by the front server that serves it.',
      retention:
        f.operator.dataProtection?.serverLogRetentionDays === undefined
          ? absent
          : `${f.operator.dataProtection.serverLogRetentionDays} days.`,
      recipients: STAFF,
      processors: processors(f),
      rights: PUBLIC_TASK_RIGHTS,
    }),
  staffAccounts: (f) =>
    processing('Staff accounts and sessions', {
      purpose: 'letting authorised staff publish incidents and maintenance.',
      basis: PUBLIC_TASK,
      data: 'email address, password hash (the password itself is not kept), second-factor secret, and for each open session: the IP address it was opened from, the sign-in time and the time of the last activity.',
      retention: `the account is kept while the staff member is authorised, and stays recorded once disabled so the log of actions remains readable; a session ends at sign-out, after ${f.retention.sessionIdleMinutes} min of inactivity and at most ${f.retention.sessionMaxHours} hours after sign-in.`,
      recipients: STAFF,
      processors: processors(f),
      rights: PUBLIC_TASK_RIGHTS,
    }),
  signInAudit: (f) =>
    processing('Log of staff actions and sign-in attempts', {
      purpose: 'knowing who published or changed what, and protecting the staff area from break-in attempts (sign-in throttling).',
      basis: PUBLIC_TASK,
      data: 'email address entered, IP address, date and time, outcome of the sign-in attempt (succeeded, refused, throttled), and for each staff action: the item changed, before and after.',
      retention: `${f.retention.auditLogDays} days for the log; ${f.retention.loginFailureHours} hours for the count of failed sign-ins used to slow attempts down.`,
      recipients: 'authorised staff of the publisher, who read the log in the staff area.',
      processors: processors(f),
      rights: PUBLIC_TASK_RIGHTS,
    }),
  alerts: (f) =>
    processing('Email alerts', {
      purpose:
        'sending you the email alerts you asked for (outages, recoveries, incidents and maintenance of the services you chose), and preventing anyone from subscribing someone else without their knowing.',
      basis: 'your consent (GDPR, article 6(1)(a)), given when you confirm your subscription.',
      data: 'your email address, the language and services you chose, the date you gave your consent (the confirmation); a record of each message sent (date and outcome of the sending); to limit abuse, a fingerprint of the address entered and a fingerprint of the IP address of each request. These fingerprints are pseudonymised data: the address itself is not in them. Addresses never appear in technical logs.',
      retention: `a request that is not confirmed is deleted after ${f.retention.unconfirmedHours} hours; the subscription is kept until you unsubscribe, which deletes your address and your choices at once; the record of messages sent is kept ${f.retention.messageDays} days and the fingerprints ${f.retention.fingerprintHours} hours; the manage link in each message works for ${f.retention.manageLinkDays} days.`,
      recipients: 'authorised staff of the publisher. The data is used only to send you the alerts you asked for.',
      processors: processors(f, true),
      rights:
        'access, rectification, erasure, restriction and portability (GDPR, articles 15 to 18 and 20). You can withdraw your consent at any time by unsubscribing (link in every message); withdrawal does not affect messages already sent.',
    }),
};

export const enLegal: typeof frLegal = {
  legal: {
    title: 'Legal notice',
    body: (f: InfoFacts): Section[] => {
      const p = f.operator.publisher ?? {};
      const h = f.operator.host ?? {};
      return [
        {
          heading: 'Publisher',
          paragraphs: [`This site (${f.site}) is published by:`],
          list: [
            fact('Name', frenchOrMissing(p.name)),
            fact('Legal form', frenchOrMissing(p.legalForm)),
            fact('Address', given(p.address, missing)),
            fact('Telephone', given(p.phone, missing)),
            fact('Email', p.email ? mailto(p.email) : absent),
            fact('SIREN number', given(p.siren, missing)),
          ],
        },
        {
          heading: 'Publication director',
          paragraphs: [],
          list: [
            fact('Publication director', given(f.operator.director?.name, missing)),
            fact('Position', frenchOrMissing(f.operator.director?.role)),
          ],
        },
        {
          heading: 'Hosting',
          paragraphs: [],
          list: [
            fact('Hosting provider', given(h.name, missing)),
            fact('Address', given(h.address, missing)),
            fact('Telephone', given(h.phone, missing)),
          ],
        },
        {
          heading: 'Nature of the information',
          paragraphs: [
            'The state shown is what our probes observe from their vantage point. A service may work for you while we see it down, or the other way round. This site does not replace the information published by each public body.',
            ...(f.operator.independent === false
              ? []
              : [
                  'Service names belong to the public bodies that run them; their presence here does not mean those bodies have endorsed this site.',
                ]),
          ],
        },
        {
          heading: 'Reuse of content',
          paragraphs: [
            [
              'Unless stated otherwise, the content of this site (notices, service states, open data) is published under the ',
              {
                text: LICENCE_NAMES[f.operator.contentLicence ?? DEFAULT_CONTENT_LICENCE],
                href: CONTENT_LICENCES[f.operator.contentLicence ?? DEFAULT_CONTENT_LICENCE],
              },
              '. You may reuse it, citing its source (Vigie and the date it was updated).',
            ],
          ],
        },
        {
          heading: 'Personal data and accessibility',
          paragraphs: [],
          list: [[{ text: 'Personal data', href: f.paths.privacy }], [{ text: 'Accessibility statement', href: f.paths.accessibility }]],
        },
        {
          heading: 'Software',
          paragraphs: ['This site runs Vigie, free software distributed under the European Union Public Licence (EUPL 1.2).'],
        },
      ];
    },
  },
  privacy: {
    title: 'Personal data',
    processings: PROCESSINGS,
    before: (f: InfoFacts): Section[] => {
      const dpo = f.operator.dataProtection?.dpo ?? {};
      const dpoWays: Paragraph[] = [
        ...(dpo.email ? [fact('Email', mailto(dpo.email))] : []),
        ...(dpo.formUrl ? [[{ text: 'Contact form', href: dpo.formUrl }]] : []),
        ...(dpo.address ? [fact('Postal address', dpo.address)] : []),
      ];
      return [
        {
          heading: 'No tracking of visitors',
          paragraphs: [
            'The public pages set no cookies, use no audience measurement or tracker, and load nothing from other sites (fonts, scripts, images). That is why this site does not ask for your consent: there is nothing to accept or refuse.',
            'The checks our probes make are on public websites and involve no personal data.',
          ],
        },
        {
          heading: 'Data controller',
          paragraphs: [
            ['Data controller: ', frenchOrMissing(f.operator.dataProtection?.controller), '.'],
            [
              'The data is hosted by ',
              given(f.operator.host?.name, missing),
              '; server location: ',
              given(f.operator.host?.dataLocation, missing),
              '.',
            ],
            'Data protection officer:',
          ],
          list: dpoWays.length > 0 ? dpoWays : [[absent]],
        },
        {
          heading: 'Cookie',
          paragraphs: [
            `There is a single cookie, and only for staff who sign in to the publishing area: ${f.retention.sessionCookie}. It keeps the session open and holds nothing but a random identifier. As it is strictly necessary for the service you asked for, it does not need your consent. It is deleted when the browser closes or at sign-out; the session it points to ends after ${f.retention.sessionIdleMinutes} min of inactivity and at most ${f.retention.sessionMaxHours} hours after sign-in.`,
          ],
        },
      ];
    },
    processingsHeading: 'Processing of personal data',
    after: (f: InfoFacts): Section[] => [
      {
        heading: 'Transfers outside the European Union',
        paragraphs: [transfers(f.operator.dataProtection?.transfersOutsideEu)],
      },
      {
        heading: 'Your rights',
        paragraphs: [
          'The rights that apply to each processing are given above. To exercise them, write to the data protection officer (details above).',
          [
            'If, after doing so, you consider that your rights are not respected, you can lodge a complaint with the ',
            { text: 'Commission nationale de l’informatique et des libertés (CNIL)', href: CNIL_COMPLAINTS, lang: 'fr' },
            ', the French data protection authority.',
          ],
          ['See also the ', { text: 'legal notice', href: f.paths.legal }, '.'],
        ],
      },
    ],
  },
};
