// The back office's CSV files never carry a formula (OWASP « CSV injection »): a text cell that a spreadsheet would
// run is prefixed with ', whoever typed it (a parent naming a child, an agent naming a site).
import { describe, expect, it } from 'vitest';
import { neutraliseFormula, toCsv } from '@/lib/reports/csv';
import { parseCsv } from '../support/csv';

describe('neutraliseFormula', () => {
  it.each([
    ['=', '=HYPERLINK("http://x";"y")'],
    ['+', '+33 6 12 34 56 78'],
    ['-', "-2+3+cmd|' /C calc'!A0"],
    ['@', '@SUM(1)'],
    ['a tab', '\t=1+1'],
    ['a carriage return', '\r=1+1'],
    ['a full-width =', '\uFF1D1+1'],
  ])('prefixes a cell that begins with %s', (_, cell) => {
    expect(neutraliseFormula(cell)).toBe(`'${cell}`);
  });

  it.each([
    'Léa',
    'Martin',
    'Accueil de loisirs Les Tilleuls',
    '06 12 34 56 78',
    'famille.martin@example.fr',
    '01/12/2026',
    'Matin, Après-midi',
    'Jean-Pierre',
    "l'Étang",
    '',
    'a=b',
    ' =1',
  ])('leaves « %s » as it is', (cell) => {
    expect(neutraliseFormula(cell)).toBe(cell);
  });
});

describe('toCsv', () => {
  it('neutralises the header and every text cell, keeps our numbers as numbers, and quotes what needs quoting', () => {
    const csv = toCsv(
      ['=Nom', 'Total'],
      [
        ['@SUM(1)', 12],
        ['=A1;B1', 0],
        ['\rX', 3],
        ['Léa', 7],
      ],
    );
    expect(csv.slice(1).split('\r\n').slice(0, 3)).toEqual(["'=Nom;Total", "'@SUM(1);12", '"\'=A1;B1";0']);
    expect(parseCsv(csv)).toEqual([
      ["'=Nom", 'Total'],
      ["'@SUM(1)", '12'],
      ["'=A1;B1", '0'],
      ["'\rX", '3'],
      ['Léa', '7'],
    ]);
  });
});
