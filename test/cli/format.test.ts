import {
  formatBytes,
  formatBytesDelta,
  formatHours,
  formatPercent,
  formatProblem,
  markdownTable,
  textTable,
} from '../../src/cli/format';

describe('format', () => {
  test('bytes in binary units', () => {
    expect(formatBytes(0)).toBe('0 B');
    expect(formatBytes(1023)).toBe('1023 B');
    expect(formatBytes(1536)).toBe('1.5 KiB');
    expect(formatBytes(3.1 * 1024 ** 3)).toBe('3.1 GiB');
    expect(formatBytes(150 * 1024 ** 2)).toBe('150 MiB');
    expect(formatBytesDelta(2048)).toBe('+2.0 KiB');
    expect(formatBytesDelta(-2048)).toBe('-2.0 KiB');
    expect(formatBytesDelta(0)).toBe('±0 B');
  });

  test('durations given in hours', () => {
    expect(formatHours(0.25)).toBe('15 min');
    expect(formatHours(6)).toBe('6 h');
    expect(formatHours(6.5)).toBe('6.5 h');
    expect(formatHours(19.4)).toBe('19 h');
    expect(formatHours(84)).toBe('3.5 d');
    expect(formatHours(720)).toBe('30 d');
    expect(formatHours(null)).toBe('∞');
  });

  test('percentages', () => {
    expect(formatPercent(1, 8)).toBe('12.5%');
    expect(formatPercent(0, 0)).toBe('0%');
  });

  test('text tables align numbers right; Markdown tables escape pipes', () => {
    const columns = [{ header: 'name' }, { header: 'n', align: 'right' as const }];
    expect(
      textTable(columns, [
        ['a', '1'],
        ['bbb', '100'],
      ]),
    ).toBe('name    n\n----  ---\na       1\nbbb   100');
    expect(markdownTable(columns, [['a|b', '1']])).toBe('| name | n |\n|---|---:|\n| a\\|b | 1 |');
  });

  test('problems print like compiler diagnostics', () => {
    expect(formatProblem('p.yaml', { message: 'bad', line: 3, column: 7, fix: 'do this' })).toBe(
      'p.yaml:3:7: bad\n    fix: do this',
    );
    expect(formatProblem('p.yaml', { message: 'meh' }, 'warning')).toBe('p.yaml: warning: meh');
  });
});
