import { describe, expect, it } from 'vitest';
import { renderTable } from './table.js';

describe('renderTable', () => {
  it('pads columns to the widest cell, right-aligns numbers and rules the header', () => {
    const text = renderTable(
      ['TARGET', 'OVERALL', 'NOTE'],
      [
        ['sandbox::sandbox-precise', '0.859', 'ok'],
        ['a::b', '1.000', ''],
      ],
      ['left', 'right'],
    );
    expect(text).toBe(
      [
        'TARGET                    OVERALL  NOTE',
        '------------------------  -------  ----',
        'sandbox::sandbox-precise    0.859  ok',
        'a::b                        1.000',
        '',
      ].join('\n'),
    );
  });

  it('renders a header alone when there are no rows', () => {
    expect(renderTable(['ID', 'NAME'], [])).toBe('ID  NAME\n--  ----\n');
  });
});
