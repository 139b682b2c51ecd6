import { describe, expect, it } from 'vitest';
import { shortsAndDebtLine } from './leverage';

const p = { totalValue: -50, grossLongValue: 100, shortValue: 0, debtValue: 150, holdingsCount: 2, accounts: [], unreadRows: 0, reconciliation: [] };

describe('shorts and margin debt in words', () => {
  it('says shares are of the long holdings and names what is shown apart', () => {
    expect(shortsAndDebtLine(p)).toBe('Shares are of your $100 of long holdings; margin debt $150 is shown apart (net -$50).');
    expect(shortsAndDebtLine({ ...p, shortValue: 90, debtValue: 10, totalValue: 0 })).toBe('Shares are of your $100 of long holdings; shorts $90 and margin debt $10 are shown apart (net $0).');
  });
  it('says "are" for shorts', () => expect(shortsAndDebtLine({ ...p, debtValue: 0, shortValue: 90, totalValue: 10 })).toBe('Shares are of your $100 of long holdings; shorts $90 are shown apart (net $10).'));
  it('says nothing when there is neither', () => expect(shortsAndDebtLine({ ...p, debtValue: 0, totalValue: 100 })).toBeNull());
});
