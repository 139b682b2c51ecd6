import { describe, expect, it } from 'vitest';
import { csvField } from './csv-field';

describe('csvField', () => {
  it('defuses text that a spreadsheet would run as a formula', () => {
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField('@SUM(A1)')).toBe(`'@SUM(A1)`);
    for (const text of ['-500.00+A1', '-A1', '+SUM(1)', '-', '\t-5', '\r1', '=1', '@1', '-1,000', '+-5']) {
      expect(csvField(text).replace(/^"/, '').startsWith("'"), JSON.stringify(text)).toBe(true);
    }
  });

  // Hardening: '-500.00' (a market value written as toFixed text) came out as '-500.00, text in a spreadsheet.
  it('leaves plain numbers alone, sign and all', () => {
    for (const text of ['-500.00', '+12.5', '-0.25', '-.5', '-1e-7', '1234', '-3.', '1E+21']) expect(csvField(text)).toBe(text);
    expect(csvField(-5)).toBe('-5');
    expect(csvField('Beta, "the" company')).toBe('"Beta, ""the"" company"');
  });
});
