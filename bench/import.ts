/**
 * Import of a 5,000-row Fidelity positions CSV as the CLI does it: read → detect → parse → audit
 * (budget ≤ 300 ms). Measured in-process; Node's own start-up is not the importer's cost.
 */
import { importPositionsFile } from '../lib/import';
import { accountsFromScan } from '../lib/analysis/accounts';
import { buildAudit } from '../lib/analysis/audit';
import { bundledReference } from '../lib/reference';
import { DEFAULT_RULE_SETTINGS } from '../lib/schema/settings';
import { median, type BenchResult } from './stats';

export function fidelityCsv(rows: number): string {
  const tickers = [...bundledReference().byTicker.keys()];
  const lines = ['\uFEFFAccount Number,Account Name,Sleeve Name,Symbol,Description,Quantity,Last Price,Last Price Change,Current Value,Today\'s Gain/Loss Dollar,Today\'s Gain/Loss Percent,Total Gain/Loss Dollar,Total Gain/Loss Percent,Percent Of Account,Cost Basis Total,Average Cost Basis,Type,'];
  for (let i = 0; i < rows; i++) {
    const account = ['X12345678,Individual - TOD', '222222222,ROTH IRA', '234567890,Health Savings Account'][i % 3];
    const symbol = i % 50 === 0 ? 'SPAXX**' : tickers[(i * 31) % tickers.length];
    const q = (i % 40) + 1;
    lines.push(`${account},,${symbol},COMPANY ${i},${q},$${(50 + (i % 300)).toFixed(2)},+$0.10,$${(q * (50 + (i % 300))).toFixed(2)},+$1.00,+0.10%,+$10.00,+1.00%,0.10%,$100.00,$10.00,Cash,`);
  }
  lines.push('', '"The data and information in this spreadsheet is provided to you solely for your use."', '"Date downloaded Nov-24-2026 6:17 p.m ET"');
  return lines.join('\n');
}

export function benchImport(): BenchResult[] {
  const text = fidelityCsv(5_000);
  const reference = bundledReference();
  const run = () => {
    const scan = importPositionsFile(text, 'Portfolio_Positions_Nov-24-2026.csv');
    return buildAudit({ accounts: accountsFromScan(scan), reference, settings: DEFAULT_RULE_SETTINGS, generatedAt: new Date() });
  };
  for (let i = 0; i < 5; i++) run();
  const times: number[] = [];
  for (let i = 0; i < 20; i++) {
    const t0 = performance.now();
    run();
    times.push(performance.now() - t0);
  }
  return [{ name: 'import + audit of a 5,000-row Fidelity CSV (Node)', value: median(times), unit: 'ms', budget: 300 }];
}
