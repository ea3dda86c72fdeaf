import { describe, expect, it } from 'vitest';
import { plainMarkdown } from '../../src/notify/plain-markdown.ts';

describe('plainMarkdown', () => {
  it.each([
    ['bold', '**La date limite de déclaration est reportée de 48 heures.**', 'La date limite de déclaration est reportée de 48 heures.'],
    ['italic with either marker', 'Nous *cherchons* la _cause_.', 'Nous cherchons la cause.'],
    ['a link', 'Voir [la FAQ](https://www.impots.gouv.fr/faq).', 'Voir la FAQ (https://www.impots.gouv.fr/faq).'],
    ['an autolink', 'Voir <https://www.caf.fr/>.', 'Voir https://www.caf.fr/.'],
    ['inline code', 'Tapez `3939`.', 'Tapez 3939.'],
    ['a list stays a list', '- premier\n- second', '- premier\n- second'],
    ['snake_case and a lone star stay', 'mon_espace_particulier et 5 * 3', 'mon_espace_particulier et 5 * 3'],
  ])('%s', (_, markdown, text) => {
    expect(plainMarkdown(markdown)).toBe(text);
  });
});
