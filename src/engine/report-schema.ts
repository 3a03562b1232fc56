/**
 * The checker's JSON report (docs/skm-rules.md §9) as one zod declaration: the
 * TypeScript type of what `check --json` prints, the check that what it prints
 * has that shape, and (through z.toJSONSchema) the JSON Schema integrators
 * validate against (`skm-rekap schema`, docs/report.schema.json).
 */
import { z } from 'zod';
import { CHECKS } from './finding';
import { UNSUR_CODES } from './unsur';

const code = z.enum(UNSUR_CODES);
const num = z.number().describe('A plain number, not rounded for display.');
const row = z.number().int().positive().describe('A 1-based sheet row.');

export const jsonFindingSchema = z
  .object({
    code: z.enum(Object.keys(CHECKS) as [keyof typeof CHECKS, ...(keyof typeof CHECKS)[]]),
    severity: z.enum(['error', 'warning', 'info']),
    sheet: z.string(),
    row,
    cell: z
      .string()
      .regex(/^[A-Z]{1,3}[1-9][0-9]*$/)
      .nullable()
      .describe('A1 address of the offending cell, where there is one.'),
    unitNo: z.union([z.number(), z.string()]).nullable().describe("The unit's NO as written."),
    unit: z.string(),
    period: z.string().nullable().describe('Period label, or null for a service sub-record.'),
    unsur: code.nullable(),
    expected: z.union([num, z.string()]).nullable(),
    actual: z.union([num, z.string()]).nullable(),
    message: z.string().min(1),
    cause: z
      .enum(['weight-0.111', 'weight-0.11', 'copied', 'nrr-scale', 'swapped'])
      .nullable()
      .describe('The likely cause, where one was found (its sentence ends the message).'),
  })
  .strict();

export const jsonReportSchema = z
  .object({
    file: z.string(),
    sheet: z.string(),
    table: z
      .object({
        headerRows: z.array(row),
        firstRow: row,
        lastRow: row,
        averageRow: row.nullable(),
      })
      .strict(),
    units: z
      .object({
        listed: z.number().int().nonnegative(),
        withData: z.number().int().nonnegative(),
        inAverage: z.number().int().nonnegative(),
      })
      .strict(),
    findings: z.array(jsonFindingSchema),
    district: z
      .object({
        unsur: z
          .array(z.object({ code, name: z.string(), value: num.nullable() }).strict())
          .length(9)
          .describe('All nine unsur, in U1..U9 order.'),
        ikm: num.nullable(),
        category: z.string().nullable(),
        realisation: num.nullable().describe('Follow-up realisation in percent (0-100).'),
        lowest: z.array(z.object({ code, name: z.string(), value: num }).strict()),
        mostPrioritised: z.array(
          z.object({ code, name: z.string(), units: z.number().int().positive() }).strict(),
        ),
        sentences: z
          .object({ lowest: z.string().nullable(), mostPrioritised: z.string().nullable() })
          .strict(),
      })
      .strict(),
    reading: z
      .object({
        sheet: z
          .object({
            name: z.string(),
            state: z.enum(['visible', 'hidden', 'veryHidden']),
            reason: z
              .enum(['named', 'only', 'first', 'visible-over-hidden', 'hidden-only'])
              .nullable()
              .describe('Why this sheet was checked.'),
            otherRecapSheets: z.array(
              z.object({ name: z.string(), state: z.enum(['visible', 'hidden', 'veryHidden']) }),
            ),
          })
          .strict(),
        hiddenColumns: z.array(
          z.object({ column: z.string(), header: z.string(), used: z.boolean() }).strict(),
        ),
        tableEnd: z
          .object({ row, kind: z.enum(['footer', 'table']), text: z.string() })
          .strict()
          .nullable(),
        otherTableRow: row.nullable(),
        notes: z.array(
          z
            .object({
              code: z.string(),
              sheet: z.string().nullable(),
              count: z.number().int().nonnegative(),
              example: z.string().nullable(),
              message: z.string(),
            })
            .strict(),
        ),
        messages: z.array(z.string()).describe('Every item above as one sentence.'),
      })
      .strict()
      .optional()
      .describe('What was read: the sheet and why, hidden columns, the end of the table, notes.'),
  })
  .strict()
  .describe("SKM Rekap: the checker's report of one recap (skm-rekap check FILE --json).");

export type JsonReportShape = z.infer<typeof jsonReportSchema>;

/** The report's JSON Schema (draft 2020-12), as `skm-rekap schema` prints it. */
export function reportJsonSchema(): Record<string, unknown> {
  return { title: 'SKM Rekap report', ...z.toJSONSchema(jsonReportSchema) };
}
