/**
 * The supported brokerages by name and host, for the options page's on/off switches and the worker's
 * check. `host` is what users are shown; `hosts` is every host the site's pages are on (Vanguard
 * moved its holdings to www.vanguard.com and still serves the old host during the roll-out).
 * Apart from hosts.ts so the content scripts do not bundle it.
 */
export const BROKERAGE_SITES = [
  { id: 'fidelity', label: 'Fidelity', host: 'digital.fidelity.com', hosts: ['digital.fidelity.com'] },
  { id: 'schwab', label: 'Charles Schwab', host: 'client.schwab.com', hosts: ['client.schwab.com'] },
  { id: 'vanguard', label: 'Vanguard', host: 'www.vanguard.com', hosts: ['www.vanguard.com', 'holdings.web.vanguard.com'] },
  { id: 'etrade', label: 'E*TRADE', host: 'us.etrade.com', hosts: ['us.etrade.com'] },
  { id: 'robinhood', label: 'Robinhood', host: 'robinhood.com', hosts: ['robinhood.com'] },
  { id: 'ibkr', label: 'Interactive Brokers', host: 'www.interactivebrokers.com', hosts: ['www.interactivebrokers.com'] },
  { id: 'merrill', label: 'Merrill Edge', host: 'olui2.fs.ml.com', hosts: ['olui2.fs.ml.com'] },
] as const;
export type BrokerageSiteId = (typeof BROKERAGE_SITES)[number]['id'];
export const BROKERAGE_SITE_IDS = BROKERAGE_SITES.map((s) => s.id) as [BrokerageSiteId, ...BrokerageSiteId[]];

