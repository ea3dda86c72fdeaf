import type { Settings } from './settings.ts';

/** Without an SMTP server and a sender address there are no subscriptions, and no page mentions them. */
export function subscriptionsEnabled(settings: Pick<Settings, 'VIGIE_SMTP_URL' | 'VIGIE_MAIL_FROM'>): boolean {
  return Boolean(settings.VIGIE_SMTP_URL && settings.VIGIE_MAIL_FROM);
}
