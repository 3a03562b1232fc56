/**
 * The processing sheet in the official layout: its formulas, once calculated,
 * equal the engine's numbers, in the plan and in the workbook `olah --out` writes.
 */
import { readFileSync, writeFileSync } from 'fs';
import path from 'path';
import ExcelJS from 'exceljs';
import { a1 } from '../../src/engine/address';
import { csvGrid } from '../../src/engine/respondents/csv';
import { processSheet, type Processed } from '../../src/engine/respondents/process';
import {
  PLAN_TITLE,
  processingSheetPlan,
  type SheetPlan,
} from '../../src/engine/respondents/sheet-plan';
import { tempDir } from '../cli/helpers';
import { calculate, type Cells } from './formula';
import { olah, QDIR } from './helpers';

const tmp = tempDir();
afterAll(() => tmp.remove());

function processed(name: string, text: string): Processed {
  const r = processSheet(`${name}.csv`, csvGrid(name, Buffer.from(text, 'utf8')));
  if (!r.ok) throw new Error(r.problem.en);
  return r.processed;
}

const planCells = (plan: SheetPlan): Cells =>
  new Map(plan.cells.map((c) => [a1(c.row, c.col), c.formula ?? c.value ?? '']));

function expectSheetEqualsEngine(calc: Map<string, unknown>, plan: SheetPlan, p: Processed): void {
  p.scores.items.forEach((s, i) => {
    const at = (row: number) => calc.get(a1(row, i + 2));
    expect(at(plan.at.sumRow)).toBe(s.sum);
    expect(at(plan.at.answeredRow)).toBe(s.answered);
    expect(at(plan.at.nrrRow) as number).toBeCloseTo(s.nrr!, 12);
    expect(at(plan.at.weightedRow) as number).toBeCloseTo(s.weighted!, 12);
  });
  expect(calc.get(plan.at.ikm) as number).toBeCloseTo(p.scores.ikm!, 10);
  expect(calc.get(plan.at.category)).toBe(p.scores.category!.label);
}

describe('the processing sheet plan', () => {
  test('on the Mahakam Ulu answers: Σ, answered, NRR, NRR tertimbang, IKM and category as the engine', () => {
    const p = processed(
      'mahulu',
      readFileSync(path.join(QDIR, 'mahulu-setda-2025-2026.csv'), 'utf8'),
    );
    const plan = processingSheetPlan(p);
    const cells = planCells(plan);
    expect(cells.get('A1')).toBe(PLAN_TITLE);
    expect(plan.at.lastRespondentRow - plan.at.firstRespondentRow + 1).toBe(26);
    const calc = calculate(cells);
    expectSheetEqualsEngine(calc, plan, p);
    // The profile tables: counts and shares (as formulas) as the engine's profile.
    expect(plan.profileTables.map((t) => t.field)).toEqual(Object.keys(p.profile));
    for (const t of plan.profileTables) {
      const entries = p.profile[t.field]!;
      entries.forEach((e, k) => {
        const r = t.area.top + 1 + k;
        expect([calc.get(`A${r}`), calc.get(`B${r}`)]).toEqual([e.value, e.count]);
        expect(calc.get(`C${r}`) as number).toBeCloseTo(e.share, 12);
      });
    }
  });

  test('blanks and slips: the sheet counts those who answered, as the rule; the weight is a division by n', () => {
    const text = [
      'U1,U2,U3,U4,U5,U6,U7,U8,U9',
      '4,3,,4,5,3,3,4,4',
      '3,3,3,0,4,a,d,4,3',
      '2,4,4,4,4,4,4,4,4',
    ].join('\n');
    const p = processed('slip', text);
    const plan = processingSheetPlan(p);
    const calc = calculate(planCells(plan));
    expectSheetEqualsEngine(calc, plan, p);
    expect(calc.get(a1(plan.at.answeredRow, 4))).toBe(2); // U3: one blank
    expect(calc.get(a1(plan.at.answeredRow, 6))).toBe(2); // U5: the 5 left out
    const weighted = plan.cells.find((c) => c.row === plan.at.weightedRow && c.col === 2)!;
    expect(weighted.formula).toMatch(/\/9\)$/);
    expect(plan.cells.some((c) => /0[.,]111/.test(String(c.formula ?? '')))).toBe(false);
  });

  test('14 items: the 2004 bands in the category formula', () => {
    const rows = Array.from({ length: 6 }, (_, r) =>
      Array.from({ length: 14 }, (_, i) => ((r + i) % 2 ? 4 : 3)),
    );
    const text = [
      Array.from({ length: 14 }, (_, i) => `U${i + 1}`).join(','),
      ...rows.map((r) => r.join(',')),
    ].join('\n');
    const p = processed('empat-belas', text);
    const plan = processingSheetPlan(p);
    const calc = calculate(planCells(plan));
    expectSheetEqualsEngine(calc, plan, p);
    // IKM 87,50: A by the 2004 bands (B by 2017's).
    expect(calc.get(plan.at.category)).toBe('A (Sangat Baik)');
  });
});

describe('olah --out', () => {
  test('writes a new workbook whose formulas, calculated, give the printed result', async () => {
    const src = tmp.file('jawaban.csv');
    writeFileSync(src, readFileSync(path.join(QDIR, 'sekadau-2019-semester-1-partial.csv')));
    const out = tmp.file('pengolahan.xlsx');
    const r = await olah(src, '--out', out, '--json');
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/Buku kerja pengolahan ditulis ke/);
    const json = JSON.parse(r.stdout) as { ikm: number; category: string };

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.getWorksheet('Pengolahan SKM')!;
    const cells: Cells = new Map();
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        const v = cell.value as unknown;
        if (v && typeof v === 'object' && 'formula' in v)
          cells.set(cell.address, `=${(v as { formula: string }).formula}`);
        else if (typeof v === 'number' || typeof v === 'string') cells.set(cell.address, v);
      }),
    );
    const p = processed('jawaban', readFileSync(src, 'utf8'));
    const plan = processingSheetPlan(p);
    const calc = calculate(cells);
    expectSheetEqualsEngine(calc, plan, p);
    expect(calc.get(plan.at.ikm) as number).toBeCloseTo(json.ikm, 9);
    expect(calc.get(plan.at.category)).toBe(json.category);
    expect(ws.getCell(plan.at.ikm).numFmt).toBe('0.00');
  });

  test('never over the input file', async () => {
    const src = tmp.file('sama.csv');
    writeFileSync(src, 'U1,U2,U3,U4,U5,U6,U7,U8,U9\n4,4,4,4,4,4,4,4,4\n');
    const r = await olah(src, '--out', src);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/tidak boleh menimpa berkas asli/);
    expect(readFileSync(src, 'utf8')).toBe('U1,U2,U3,U4,U5,U6,U7,U8,U9\n4,4,4,4,4,4,4,4,4\n');
  });
});
