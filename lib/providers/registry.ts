/**
 * The public data sources Breadth can use once the user opts in, one switch each on the options
 * page. Each names exactly the hosts it needs (asked as optional permissions when turned on) and
 * what it costs in requests, so the user knows what turning it on means.
 */
export const PROVIDERS = [
  {
    id: 'sec',
    label: 'SEC EDGAR (company filings)',
    origins: ['https://www.sec.gov/*', 'https://data.sec.gov/*', 'https://efts.sec.gov/*'],
    gives: 'Revenue, gross profit, operating cash flow, officer changes (8-K Item 5.02) and going-concern doubt (full-text search) for the broken-growth flags.',
    cost: 'About 4 requests per small or mid-cap holding, refreshed weekly, and about 25 bulk requests a week for the S&P 400/600 screen; at most 10 requests a second, as the SEC asks.',
  },
  {
    id: 'prices',
    // Keyless: Stooq's CSV download has needed an API key since March 2026 (lib/providers/prices/cboe.ts).
    label: 'Cboe (daily prices)',
    origins: ['https://cdn.cboe.com/*'],
    gives: '52-week highs and drawdowns for the broken-growth flags; RSP, SPY, IJH and IJR for the broadening monitor.',
    cost: 'One request per ticker at most once a day (price returns: closes are not adjusted for dividends).',
  },
  {
    id: 'estimates',
    // No dependable keyless source of consensus estimates exists; the user brings a free key.
    label: 'Alpha Vantage (analyst EPS estimates, your own free key)',
    origins: ['https://www.alphavantage.co/*'],
    gives: 'Consensus EPS of the top-10 companies for their next fiscal year, its 30- and 90-day change and revision counts, for the mega-cap revision watch.',
    cost: 'About 10 requests a week (a free key allows 25 a day). Or import a CSV of estimates instead, with no key and no requests.',
  },
] as const;

export type ProviderId = (typeof PROVIDERS)[number]['id'];
export const PROVIDER_IDS = PROVIDERS.map((p) => p.id) as [ProviderId, ...ProviderId[]];

/** Every optional host any provider may ask for: the manifest declares exactly these. */
export const PROVIDER_ORIGINS: readonly string[] = PROVIDERS.flatMap((p) => [...p.origins]);
