/**
 * The brokerage sites Breadth reads automatically. These are the extension's only host
 * permissions; every other site needs the user's click on "Scan this page" (activeTab).
 */
export const BROKERAGE_MATCHES = [
  'https://digital.fidelity.com/*',
  'https://client.schwab.com/*',
  'https://holdings.web.vanguard.com/*',
  'https://us.etrade.com/*',
  'https://robinhood.com/*',
  'https://www.interactivebrokers.com/*',
  'https://olui2.fs.ml.com/*',
] as const;

/**
 * Pages read by a site adapter's own content script (entrypoints/<id>.content.ts). Kept here, not in
 * the adapters, so the generic script can exclude them without bundling the adapters' code.
 */
export const SITE_PAGE_MATCHES = {
  fidelity: ['https://digital.fidelity.com/ftgw/digital/portfolio/positions*'],
  robinhood: ['https://robinhood.com/account/investing*'],
  schwab: ['https://client.schwab.com/app/accounts/positions*'],
  vanguard: ['https://holdings.web.vanguard.com/*'],
  merrill: ['https://olui2.fs.ml.com/TFPHoldings/*'],
  ibkr: ['https://www.interactivebrokers.com/portal/*'],
  etrade: ['https://us.etrade.com/etx/pxy/portfolios*'],
} as const satisfies Record<string, readonly string[]>;
