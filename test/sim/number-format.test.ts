import { ID_ID, displayText, formatNumber } from '../../src/sim/number-format';

describe('range.text of the simulated host', () => {
  it.each([
    [89.0166666666, 'General', '89.01666667'],
    [86.79, 'General', '86.79'],
    [477, 'General', '477'],
    [-0.5, 'General', '-0.5'],
    [1.23e12, 'General', '1.23E+12'],
    [1.005, '0.00', '1.01'],
    [88.015, '0.00', '88.02'],
    [-3.456, '0.0', '-3.5'],
    [1234567.891, '#,##0.00', '1,234,567.89'],
    [0.8312, '0%', '83%'],
    [0.8312, '0.00%', '83.12%'],
    [7.5, '0', '8'],
    [45688, 'dd/mm/yyyy', '31/01/2025'],
    [45688, 'd mmm yyyy', '31 Jan 2025'],
  ])('shows %p under %p as %p', (value, format, text) => {
    expect(formatNumber(value, format)).toBe(text);
  });

  it('uses the Indonesian separators when asked', () => {
    expect(formatNumber(89.015, '0.00', ID_ID)).toBe('89,02');
    expect(formatNumber(1234.5, '#,##0.0', ID_ID)).toBe('1.234,5');
  });

  it('shows strings as they are and booleans in capitals', () => {
    expect(displayText('89,02', '0.00')).toBe('89,02');
    expect(displayText(false, undefined)).toBe('FALSE');
  });
});
