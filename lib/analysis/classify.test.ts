import { describe, expect, it } from 'vitest';
import { classify } from './classify';
import { bundledReference } from '../reference';
import type { RawHolding } from '../schema/holdings';

const ref = bundledReference();
const kind = (h: Partial<RawHolding>) => classify({ marketValue: 100, ...h }, ref).kind;

describe('classify', () => {
  it('tells money-market sweeps and cash lines from holdings', () => {
    expect(kind({ symbol: 'SPAXX**', description: 'HELD IN MONEY MARKET' })).toBe('cash');
    expect(kind({ symbol: 'FDRXX**' })).toBe('cash');
    expect(kind({ symbol: 'VMFXX', description: 'VANGUARD FEDERAL MONEY MARKET FUND' })).toBe('cash');
    expect(kind({ symbol: 'Cash & Cash Investments' })).toBe('cash');
    expect(kind({ symbol: 'CASH' })).toBe('cash');
    expect(kind({ description: 'Core position' })).toBe('cash');
    expect(kind({ symbol: 'XYZ', rowKind: 'cash' })).toBe('cash');
  });

  it('keeps Pathward Financial (ticker CASH) a stock when the row says so', () => {
    expect(kind({ symbol: 'CASH', description: 'PATHWARD FINANCIAL INC', quantity: 10 })).toBe('stock');
  });

  it('excludes pending activity: it is not a holding', () => {
    expect(kind({ symbol: 'Pending activity' })).toBe('excluded');
    expect(kind({ symbol: 'Pending Activity', rowKind: 'pending' })).toBe('excluded');
  });

  it('sees CUSIP-only lines, options, crypto and symbol-less bonds as non-equity', () => {
    expect(kind({ symbol: '912797LN5', description: 'UNITED STATES TREAS BILLS 0% 12/26/2024' })).toBe('nonEquity');
    expect(kind({ symbol: ' -AAPL250117C150' })).toBe('nonEquity');
    expect(kind({ symbol: 'BTC', description: 'BITCOIN' })).toBe('nonEquity');
    expect(kind({ description: 'US TREASURY NOTE 4.25% 2030' })).toBe('nonEquity');
  });

  it('resolves constituents and known funds, leaves funds it cannot see into unresolved, guesses nothing', () => {
    expect(kind({ symbol: 'NVDA' })).toBe('stock');
    expect(kind({ symbol: 'FXAIX' })).toBe('fund');
    expect(kind({ symbol: 'VTSAX', description: 'VANGUARD TOTAL STOCK MARKET INDEX ADMIRAL' })).toBe('fund');
    expect(kind({ symbol: 'QQQ', description: 'INVESCO QQQ TRUST' })).toBe('fund');
    expect(kind({ symbol: 'ARKK', description: 'ARK INNOVATION ETF' })).toBe('unresolvedFund');
    expect(kind({ symbol: 'VFIFX', description: 'VANGUARD TARGET RETIREMENT 2050' })).toBe('unresolvedFund');
    expect(kind({ symbol: 'TSM', description: 'TAIWAN SEMICONDUCTOR MANUFACTURING ADR' })).toBe('otherEquity');
    expect(kind({ symbol: 'ZQXJW' })).toBe('unrecognised');
    expect(kind({ symbol: 'VXUS' })).toBe('international');
    expect(kind({ symbol: 'BND' })).toBe('nonEquity');
    expect(kind({ symbol: 'SPAXX' })).toBe('cash');
  });
});
