import {
  formatBytes,
  formatBytesDelta,
  formatCountDelta,
  formatHours,
  formatPercent,
  cappedList,
  formatProblem,
  markdownTable,
  printable,
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

  test('count deltas have the thousands separators of the counts beside them (12,349 → 5,006: -7,343)', () => {
    expect(formatCountDelta(-7343)).toBe('-7,343');
    expect(formatCountDelta(1568)).toBe('+1,568');
    expect(formatCountDelta(1_234_567)).toBe('+1,234,567');
    expect(formatCountDelta(12)).toBe('+12');
    expect(formatCountDelta(0)).toBe('0');
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

  test('echoed text: control characters and ANSI escapes escaped (the engine echo), long lines cut with a count', () => {
    expect(printable('a\u001b[31mb\u0000c\td\ne\u007f\u009b\u2028')).toBe(
      'a\\u001b[31mb\\u0000c\\td\ne\\u007f\\u009b\\u2028',
    );
    expect(printable('x'.repeat(1005))).toBe(`${'x'.repeat(1000)}…(5 more characters)`);
    expect(printable(`${'y'.repeat(3)}\n${'z'.repeat(3)}`, 2)).toBe(
      'yy…(1 more characters)\nzz…(1 more characters)',
    );
    expect(formatProblem('f\u001b.yaml', { message: 'bad \u001b[0m', fix: '\u0007' })).toBe(
      'f\\u001b.yaml: bad \\u001b[0m\n    fix: \\u0007',
    );
  });

  test('lists are capped with a count of the rest', () => {
    // The engine's capped lists (100 problems and one entry counting the rest) are printed whole.
    const items = Array.from({ length: 104 }, (_, i) => i);
    expect(cappedList(items.slice(0, 101), String, 'error')).toEqual(items.slice(0, 101).map(String));
    expect(cappedList(items, String, 'error')).toEqual([
      ...items.slice(0, 101).map(String),
      '... and 3 more errors (--json lists them all)',
    ]);
    expect(cappedList([1, 2], String, 'error', 1)).toEqual([
      '1',
      '... and 1 more error (--json lists them all)',
    ]);
    expect(cappedList([1], String, 'error', 1)).toEqual(['1']);
  });
});
