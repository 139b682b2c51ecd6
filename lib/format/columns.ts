/**
 * What a column header means, for page tables and CSV files alike: one vocabulary, so "Mkt Val
 * (Market Value)" is a market value wherever it appears.
 */

export function collapse(text: string): string {
  return text.replace(/[\s\u00a0]+/g, ' ').trim();
}

/** What a column header means. */
export type ColumnMeaning = 'symbol' | 'description' | 'quantity' | 'price' | 'value' | 'account';

const MEANINGS: [ColumnMeaning, RegExp][] = [
  // Order matters: "Market value" before "value"; "Last price change" is not a price.
  ['value', /^(market value|mkt val(ue)?|mkt val \(market value\)|current value|value|total value|market val\.?|position value|balance)(\s*\(\$\)|\s*\$)?$/],
  ['quantity', /^(quantity|qty|shares|qty \(quantity\)|units|position|shares held|quantity held)$/],
  ['price', /^(price|last price|last|current price|share price|market price|price \(\$\)|last price \(\$\)|nav)$/],
  ['symbol', /^(symbol|ticker)\b|^(security|holding|investment|instrument|fund)$/],
  ['description', /^(description|name|security name|security description|company|holding name|investment name)$/],
  ['account', /^(account|account name|account number|acct)$/],
];

/** Meaning of a header text, or null. Case, punctuation and sort arrows are ignored. */
export function headerMeaning(text: string): ColumnMeaning | null {
  const t = collapse(text)
    .toLowerCase()
    .replace(/[▲▼↑↓⇅*]/g, '')
    .replace(/\s*(sort(ed)?( ascending| descending)?|click to sort)$/, '')
    .trim();
  for (const [meaning, re] of MEANINGS) if (re.test(t)) return meaning;
  return null;
}

