/**
 * What a column header means, for page tables and CSV files alike: one vocabulary, so "Mkt Val
 * (Market Value)" is a market value wherever it appears.
 */

export function collapse(text: string): string {
  return text.replace(/[\s\u00a0]+/g, ' ').trim();
}

/** What a column header means. */
export type ColumnMeaning = 'symbol' | 'description' | 'quantity' | 'price' | 'value' | 'account';

/** A currency mark after a header ("Value $", "Price ($)", "Market value (USD)"): same meaning. */
const CURRENCY = String.raw`(\s*\(\$\)|\s*\$|\s*\(usd\)|\s+usd)?`;

const MEANINGS: [ColumnMeaning, RegExp][] = [
  // Order matters: "Market value" before "value"; "Last price change" and "Price Paid $" are not a price.
  ['value', new RegExp(String.raw`^(market value|mkt val(ue)?|mkt val \(market value\)|current value|value|total value|market val\.?|position value|balance|ending value|ending market value|current market value)${CURRENCY}$`)],
  ['quantity', /^(quantity|qty|shares|qty \(quantity\)|units|position|shares held|quantity held|shares owned|units held|(qty|quantity|shares|units) #|# of shares|(number|no\.?) of shares)$/],
  ['price', new RegExp(String.raw`^(price|last price|last|current price|share price|market price|nav|price per share)${CURRENCY}$`)],
  ['symbol', /^(symbol|ticker)\b|^(security|holding|investment|instrument|fund)$/],
  ['description', /^(description|name|security name|security description|company|holding name|investment name|fund name)$/],
  ['account', /^(account|account name|account number|acct|account #|acct #|account no\.?|acct no\.?)$/],
];

/** Longer than any column header Breadth understands, with room for padding and sort words. */
const MAX_HEADER_TEXT = 200;

/** Meaning of a header text, or null. Case, punctuation and sort arrows are ignored. */
export function headerMeaning(text: string): ColumnMeaning | null {
  // No header is long ("Mkt Val (Market Value) sorted descending"): a long cell means nothing, and costs nothing.
  if (text.length > MAX_HEADER_TEXT) return null;
  const t = collapse(text)
    .toLowerCase()
    .replace(/[▲▼↑↓⇅*]/g, '')
    .replace(/\s*(sort(ed)?( ascending| descending)?|click to sort)$/, '')
    .trim();
  for (const [meaning, re] of MEANINGS) if (re.test(t)) return meaning;
  return null;
}

