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
