/**
 * iShares fund holdings CSVs in the real layouts (classic `Weight (%)`; 2026 `Type` + `Market
 * Weight`), written from a few rows for tests: preamble, blank line, holdings, blank line, legal text.
 */
export interface ISharesFixtureRow {
  ticker: string;
  name: string;
  sector: string;
  marketValue: number;
  /** Defaults to Equity / EQUITY. */
  assetClass?: string;
  type?: string;
}

const money = (x: number) => x.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const q = (s: string) => `"${s}"`;

export function iSharesCsv(fundName: string, asOf: string, rows: ISharesFixtureRow[], layout: 'classic' | '2026' = 'classic'): string {
  const total = rows.filter((r) => (r.assetClass ?? 'Equity') === 'Equity').reduce((s, r) => s + r.marketValue, 0);
  const weight = (r: ISharesFixtureRow) => ((r.marketValue / total) * 100).toFixed(2);
  const preamble = [fundName, `Fund Holdings as of,${q(asOf)}`, 'Inception Date,"May 15, 2000"', 'Shares Outstanding,"-"', 'Stock,"-"', 'Bond,"-"', 'Cash,"-"', 'Other,"-"', ''];
  const header =
    layout === 'classic'
      ? 'Ticker,Name,Sector,Asset Class,Market Value,Weight (%),Notional Value,Quantity,Price,Location,Exchange,Currency,FX Rate,Market Currency,Accrual Date'
      : 'Ticker,Name,Type,Sector,Asset Class,Market Value,Notional Value,Quantity,Price,Location,Exchange,Currency,FX Rate,Market Currency,Accrual Date,Market Weight,Notional Weight';
  const lines = rows.map((r) => {
    const asset = r.assetClass ?? 'Equity';
    const tail = ['100.00', '1.00', 'United States', 'NYSE', 'USD', '1.00', 'USD', '-'];
    return layout === 'classic'
      ? [r.ticker, r.name, r.sector, asset, money(r.marketValue), weight(r), money(r.marketValue), ...tail].map(q).join(',')
      : [r.ticker, r.name, r.type ?? 'EQUITY', r.sector, asset, money(r.marketValue), money(r.marketValue), ...tail, weight(r), weight(r)].map(q).join(',');
  });
  const legal = ['', '"The content contained herein is owned or licensed by the publisher. For tests only.', 'Not investment advice."'];
  return [...preamble, header, ...lines, ...legal].join('\n') + '\n';
}
