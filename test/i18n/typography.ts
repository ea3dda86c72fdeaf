/**
 * French typography rules every French string must meet, as a list of problems (empty when the
 * text is right): a no-break space (U+00A0 or U+202F) before « : ; ! ? » and inside « », between a
 * number and its unit, and no plural noun after « 1 ».
 */
const RULES: { pattern: RegExp; problem: string }[] = [
  { pattern: /[^\u00a0\u202f\s][:;!?](?=\s|$)/u, problem: 'no space before « : ; ! ? »' },
  { pattern: / [:;!?]/u, problem: 'ordinary space before « : ; ! ? » (use a no-break space)' },
  { pattern: /«(?![\u00a0\u202f])|(?<![\u00a0\u202f])»/u, problem: 'no no-break space inside « »' },
  { pattern: /(?<![\d,.])[01] (?:\p{L}+s)\b/u, problem: 'a plural after 0 or 1, or an ordinary space after the number' },
  {
    pattern: /(?<![\p{L}\d])[01][\u00a0\u202f](?:échecs|succès consécutifs|services|incidents|messages|minutes|heures|jours|requêtes)\b/u,
    problem: 'a plural after 0 or 1',
  },
  { pattern: /\d (?:h|min|s|j|ms|%)(?![\p{L}])/u, problem: 'ordinary space between a number and its unit' },
];

export function typographyProblems(text: string): string[] {
  // URLs and e-mail addresses keep their own colons.
  const prose = text.replace(/\b(?:https?|mailto|tel):\S*/g, '');
  return RULES.filter((rule) => rule.pattern.test(prose)).map((rule) => `${rule.problem}: ${JSON.stringify(text)}`);
}
