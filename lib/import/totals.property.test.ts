/**
 * Property: for exports generated from random positions per account — with their stated totals,
 * random lot rows (dated, indented, "Lot"-labelled) under positions and random total lines — the
 * holdings read sum to the stated total, or the reconciliation flags the read (a check with ok: false).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { importPositionsFile } from './index';
import { accountsFromScan } from '../analysis/accounts';
import { reconcileAccounts } from '../analysis/reconcile';

const NOW = new Date('2026-12-01T18:00:00Z');

interface Lot {
  quantity: number;
  style: 'dated' | 'indented' | 'label';
}
interface Position {
  symbol: string;
  quantity: number;
  priceCents: number;
  lots: Lot[];
}
interface Account {
  number: string;
  positions: Position[];
  cashCents: number;
}

const SYMBOLS = ['AAPL', 'MSFT', 'NVDA', 'AMZN', 'GOOGL', 'META', 'AVGO', 'TSLA', 'JPM', 'VOO', 'IJH', 'IJR', 'XOM', 'KO', 'SCHX', 'RSP'];

/** A position with its quantity split into lots (or not). Values in cents, so sums are exact. */
const position = (symbol: string) =>
  fc
    .record({
      quantity: fc.integer({ min: 1, max: 400 }),
      priceCents: fc.integer({ min: 100, max: 90_000 }),
      split: fc.array(fc.integer({ min: 1, max: 100 }), { maxLength: 3 }),
      styles: fc.array(fc.constantFrom<Lot['style']>('dated', 'indented', 'label'), { minLength: 3, maxLength: 3 }),
    })
    .map(({ quantity, priceCents, split, styles }): Position => {
      // Lots share out the position's quantity: parts proportional to `split`, the rest to the last.
      const lots: Lot[] = [];
      if (split.length >= 2 && quantity >= split.length) {
        const weight = split.reduce((s, w) => s + w, 0);
        let left = quantity;
        split.forEach((w, i) => {
          const part = i === split.length - 1 ? left : Math.max(1, Math.min(left - (split.length - 1 - i), Math.floor((quantity * w) / weight)));
          left -= part;
          lots.push({ quantity: part, style: styles[i]! });
        });
      }
      return { symbol, quantity, priceCents, lots };
    });

const accounts = (max: number) =>
  fc.uniqueArray(fc.integer({ min: 1000, max: 9999 }), { minLength: 1, maxLength: max }).chain((numbers) =>
    fc.tuple(
      ...numbers.map((n) =>
        fc
          .record({
            symbols: fc.uniqueArray(fc.constantFrom(...SYMBOLS), { minLength: 1, maxLength: 5 }),
            cashCents: fc.integer({ min: 0, max: 2_000_000 }),
          })
          .chain(({ symbols, cashCents }) =>
            fc.tuple(...symbols.map(position)).map((positions): Account => ({ number: String(n), positions, cashCents })),
          ),
      ),
    ),
  );

const valueCents = (p: { quantity: number; priceCents: number }) => p.quantity * p.priceCents;
const accountCents = (a: Account) => a.positions.reduce((s, p) => s + valueCents(p), 0) + a.cashCents;
const totalCents = (list: Account[]) => list.reduce((s, a) => s + accountCents(a), 0);
const usd = (cents: number) => (cents / 100).toFixed(2);
const grouped = (cents: number) => (cents / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const lotSymbol = (p: Position, lot: Lot, i: number) =>
  lot.style === 'dated' ? `${String(i + 1).padStart(2, '0')}/02/2024` : lot.style === 'indented' ? `    ${p.symbol}` : `Lot ${i + 1}`;
const quote = (cells: string[]) => cells.map((c) => `"${c}"`).join(',');

/** The spec: Σ holdings = the stated total, or a failing reconciliation check. And, for these readers, the first. */
function expectReconciled(text: string, fileName: string, readerId: string, expectedCents: number) {
  const scan = importPositionsFile(text, fileName, NOW);
  expect(scan.source.readerId).toBe(readerId);
  const read = scan.holdings.reduce((s, h) => s + (h.marketValue ?? 0), 0);
  const checks = reconcileAccounts(accountsFromScan(scan));
  const agrees = Math.abs(read - expectedCents / 100) < 0.005;
  expect(agrees || checks.some((c) => !c.ok)).toBe(true);
  expect(read).toBeCloseTo(expectedCents / 100, 2);
  expect(checks.filter((c) => !c.ok)).toEqual([]);
}

describe('stated totals and lots in generated exports', () => {
  it('plain CSV with an Account column, account totals and a grand total', () => {
    fc.assert(
      fc.property(
        accounts(4),
        fc.constantFrom('Total', 'Account Total', 'Subtotal', null),
        fc.constantFrom('Grand Total', 'Total', 'Total Accounts', null),
        fc.boolean(),
        (list, accountTotal, grandTotal, groupedMoney) => {
          const money = (cents: number) => (groupedMoney ? `"${grouped(cents)}"` : usd(cents));
          const rows = ['Account,Symbol,Description,Quantity,Price,Market Value'];
          for (const a of list) {
            const label = `Brokerage 000${a.number}`;
            for (const p of a.positions) {
              rows.push(`${label},${p.symbol},${p.symbol} holding,${p.quantity},${usd(p.priceCents)},${money(valueCents(p))}`);
              p.lots.forEach((lot, i) => rows.push(`${label},${lotSymbol(p, lot, i)},,${lot.quantity},${usd(p.priceCents)},${money(valueCents({ quantity: lot.quantity, priceCents: p.priceCents }))}`));
            }
            rows.push(`${label},CASH,Cash,,,${money(a.cashCents)}`);
            if (accountTotal) rows.push(`${label},${accountTotal},,,,${money(accountCents(a))}`);
          }
          if (grandTotal) rows.push(`,${grandTotal},,,,${money(totalCents(list))}`);
          expectReconciled(rows.join('\n'), 'positions.csv', 'plain-csv', totalCents(list));
        },
      ),
    );
  });

  it('Schwab All-Accounts, 2020 and 2026 column names in any order, Account Total lines and a grand total line', () => {
    const OTHER_2020 = ['Price Change $', 'Day Change %', 'Cost Basis', 'Security Type'];
    const OTHER_2026 = ['Day Chng $ (Day Change $)', 'Gain % (Gain/Loss %)', 'Market Cap', 'Asset Type'];
    fc.assert(
      fc.property(
        accounts(4),
        fc.boolean(),
        fc.boolean(),
        fc.constantFrom('Grand Total', 'Total Accounts Value', 'Total', null),
        fc.boolean(),
        fc.nat(),
        (list, layout2026, accountTotals, grandTotal, quotedAccountLines, order) => {
          const others = layout2026 ? OTHER_2026 : OTHER_2020;
          const main = layout2026 ? ['Description', 'Qty (Quantity)', 'Price', 'Mkt Val (Market Value)'] : ['Description', 'Quantity', 'Price', 'Market Value'];
          // The user's column order: rotated by `order`, Symbol always first.
          const rest = [...main, ...others];
          const columns = ['Symbol', ...rest.slice(order % rest.length), ...rest.slice(0, order % rest.length)];
          const row = (cells: Record<string, string>) => quote(columns.map((c, i) => (i === 0 ? cells.symbol! : cells[c] ?? '--'))) + ',';
          const cell = (symbol: string, quantity: string, price: string, value: string, description = '--') => {
            const [descriptionName, qty, priceName, valueName] = main;
            return row({ symbol, [descriptionName!]: description, [qty!]: quantity, [priceName!]: price, [valueName!]: value });
          };
          const lines = [`"Positions for All-Accounts as of 04:10 PM ET, ${layout2026 ? '2026/12/01' : '12/01/2026'}"`, ''];
          for (const a of list) {
            lines.push(quotedAccountLines ? `"Individual XXXX-${a.number}"` : `Individual ...${a.number}`, quote(columns) + ',');
            for (const p of a.positions) {
              lines.push(cell(p.symbol, String(p.quantity), `$${usd(p.priceCents)}`, `$${grouped(valueCents(p))}`, `${p.symbol} INC`));
              p.lots.forEach((lot, i) => lines.push(cell(lotSymbol(p, lot, i), String(lot.quantity), `$${usd(p.priceCents)}`, `$${grouped(valueCents({ quantity: lot.quantity, priceCents: p.priceCents }))}`)));
            }
            lines.push(cell(layout2026 ? 'Cash and Money Market' : 'Cash & Cash Investments', '--', '--', `$${grouped(a.cashCents)}`));
            if (accountTotals) lines.push(cell('Account Total', '--', '--', `$${grouped(accountCents(a))}`));
            lines.push('', '');
          }
          if (grandTotal) lines.push(cell(grandTotal, '--', '--', `$${grouped(totalCents(list))}`));
          expectReconciled(lines.join('\r\n'), 'All-Accounts-Positions.csv', 'schwab-positions-csv', totalCents(list));
        },
      ),
    );
  });

  it('E*TRADE PortfolioDownload in the standard view or a custom one, with lots, CASH and TOTAL', () => {
    const QUANTITY = ['Qty #', 'Quantity'];
    const PRICE = ['Last Price $', 'Last Price'];
    const VALUE = ['Value $', 'Market Value'];
    const OTHER = ['Change %', 'Price Paid $', 'Total Gain $', "Day's Gain $", 'Date Acquired', 'Dividend Yield %'];
    fc.assert(
      fc.property(
        accounts(1),
        fc.nat(),
        fc.shuffledSubarray(OTHER),
        fc.boolean(),
        (list, pick, others, withTotal) => {
          const a = list[0]!;
          const names = { quantity: QUANTITY[pick % 2]!, price: PRICE[(pick >> 1) % 2]!, value: VALUE[(pick >> 2) % 2]! };
          // A custom view has the user's columns in the user's order (rotated by `pick`), Symbol first.
          const rest = [names.quantity, names.price, names.value, ...others];
          const columns = ['Symbol', ...rest.slice(pick % rest.length), ...rest.slice(0, pick % rest.length)];
          const row = (symbol: string, quantity: string, price: string, value: string) =>
            columns.map((c, i) => (i === 0 ? symbol : c === names.quantity ? quantity : c === names.price ? price : c === names.value ? value : '--')).join(',');
          const lines = [
            'Account Summary',
            "Account,Net Account Value,Total Gain $,Total Gain %,Day's Gain Unrealized $,Day's Gain Unrealized %,Available For Withdrawal,Cash Purchasing Power",
            `"Brokerage -${a.number}",${usd(accountCents(a))},0.00,0.00,0.00,0.00,${usd(a.cashCents)},${usd(a.cashCents)}`,
            '',
            '',
            `View Summary - ${pick % 2 ? 'standard' : 'My view'}`,
            'Filters applied:',
            'Symbol,Security type(s),Sort by,Sort order,',
            ',All,Symbol,Asc,',
            '',
            columns.join(','),
          ];
          for (const p of a.positions) {
            lines.push(row(p.symbol, p.quantity.toFixed(4), usd(p.priceCents), (valueCents(p) / 100).toFixed(4)));
            p.lots.forEach((lot, i) => lines.push(row(lotSymbol(p, lot, i), lot.quantity.toFixed(4), usd(p.priceCents), ((lot.quantity * p.priceCents) / 100).toFixed(4))));
          }
          lines.push(row('CASH', '', '', usd(a.cashCents)));
          if (withTotal) lines.push(row('TOTAL', '', '', (accountCents(a) / 100).toFixed(4)));
          lines.push('', '', '', 'Generated at Dec 1 2026 04:30 PM ET');
          expectReconciled(lines.join('\n'), 'PortfolioDownload.csv', 'etrade-portfolio-csv', accountCents(a));
        },
      ),
    );
  });

  it('Fidelity positions with Account Total rows, a grand total and lots', () => {
    fc.assert(
      fc.property(accounts(4), fc.boolean(), fc.boolean(), (list, accountTotals, grandTotal) => {
        const header = 'Account Number,Account Name,Symbol,Description,Quantity,Last Price,Last Price Change,Current Value,Type';
        const row = (a: Account, symbol: string, quantity: string, price: string, value: string) => `Z${a.number}0000,Joint WROS ${a.number},${symbol},,${quantity},${price},+$0.10,${value},Cash`;
        const lines = ['\uFEFF' + header];
        for (const a of list) {
          lines.push(row(a, `SPAXX**`, '', '', `$${usd(a.cashCents)}`));
          for (const p of a.positions) {
            lines.push(row(a, p.symbol, String(p.quantity), `$${usd(p.priceCents)}`, `$${usd(valueCents(p))}`));
            p.lots.forEach((lot, i) => lines.push(row(a, lotSymbol(p, lot, i), String(lot.quantity), `$${usd(p.priceCents)}`, `$${usd(lot.quantity * p.priceCents)}`)));
          }
          if (accountTotals) lines.push(row(a, 'Account Total', '', '', `$${usd(accountCents(a))}`));
        }
        if (grandTotal) lines.push(`,,Total,,,,,$${usd(totalCents(list))},`);
        lines.push('', '"The data and information in this spreadsheet is provided to you solely for your use and is not for distribution."', '"Date downloaded Dec-01-2026 6:17 p.m ET"');
        expectReconciled(lines.join('\n'), 'Portfolio_Positions_Dec-01-2026.csv', 'fidelity-positions-csv', totalCents(list));
      }),
    );
  });
});
