/**
 * The brokerage sites Breadth reads automatically. These are the extension's only host
 * permissions; every other site needs the user's click on "Scan this page" (activeTab).
 */
export const BROKERAGE_MATCHES = [
  'https://digital.fidelity.com/*',
  'https://client.schwab.com/*',
  'https://holdings.web.vanguard.com/*',
  // Vanguard's holdings moved here in 2025–26 (SCRAPER_NOTES_2026.md); the old host stays during the roll-out.
  'https://www.vanguard.com/*',
  'https://us.etrade.com/*',
  'https://robinhood.com/*',
  'https://www.interactivebrokers.com/*',
  'https://olui2.fs.ml.com/*',
] as const;

/*
 * Pages read by a site adapter's own content script (entrypoints/<id>.content.ts). Kept here, not in
 * the adapters, so the generic script can exclude them without bundling the adapters' code; one
 * constant per site, so a site's script bundles only its own (the 40 KB budget, ADAPTERS.md).
 */
export const FIDELITY_PAGES = ['https://digital.fidelity.com/ftgw/digital/portfolio/positions*'] as const;
export const ROBINHOOD_PAGES = ['https://robinhood.com/account/investing*'] as const;
export const SCHWAB_PAGES = ['https://client.schwab.com/app/accounts/positions*'] as const;
export const VANGUARD_PAGES = ['https://holdings.web.vanguard.com/*', 'https://www.vanguard.com/en/investor/portfolio/investments*'] as const;
export const MERRILL_PAGES = ['https://olui2.fs.ml.com/TFPHoldings/*'] as const;
export const IBKR_PAGES = ['https://www.interactivebrokers.com/portal/*'] as const;
export const ETRADE_PAGES = ['https://us.etrade.com/etx/pxy/portfolios*'] as const;

export const SITE_PAGE_MATCHES = {
  fidelity: FIDELITY_PAGES,
  robinhood: ROBINHOOD_PAGES,
  schwab: SCHWAB_PAGES,
  vanguard: VANGUARD_PAGES,
  merrill: MERRILL_PAGES,
  ibkr: IBKR_PAGES,
  etrade: ETRADE_PAGES,
} as const satisfies Record<string, readonly string[]>;
