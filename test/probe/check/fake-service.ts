import type { ServiceConfig } from '../../../src/config/services-schema.ts';
import { FAKE_KEYWORD } from '../../fake-gov/behaviours.ts';

/** A catalogue entry pointing at the fake government (loopback, hence allowPrivateNetwork). */
export function fakeService(id: string, url: string, overrides: Partial<ServiceConfig> = {}): ServiceConfig {
  return {
    id,
    name: { fr: id, en: id },
    description: null,
    aliases: [],
    category: 'test',
    url,
    interval: 60,
    timeout: 5,
    expectStatus: '200-399',
    keyword: FAKE_KEYWORD,
    slowMs: 5000,
    allowPrivateNetwork: true,
    detection: { failuresBeforeDown: 3, successesBeforeUp: 2 },
    ...overrides,
  };
}
