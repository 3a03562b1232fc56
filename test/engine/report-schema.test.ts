/**
 * The JSON report's schema: every report the checker produces conforms, a report that drifts from
 * the contract does not, and docs/report.schema.json is the schema the code declares.
 */
import fs from 'fs';
import path from 'path';
import { jsonReportSchema, reportJsonSchema } from '../../src/engine/report-schema';
import { run } from '../cli/helpers';

const ROOT = path.join(__dirname, '..', '..');
const BANJAR = path.join(ROOT, 'samples', 'rekap-skm-banjar-2025.xlsx');

describe('the JSON report schema', () => {
  let report: unknown;
  beforeAll(async () => {
    const r = await run('check', BANJAR, '--json', '--exit-zero');
    report = JSON.parse(r.stdout);
  });

  it("accepts the checker's report of the Banjar recap, in both languages", async () => {
    expect(jsonReportSchema.safeParse(report).error?.issues ?? []).toEqual([]);
    const en = await run('check', BANJAR, '--json', '--exit-zero', '--lang', 'en');
    expect(jsonReportSchema.safeParse(JSON.parse(en.stdout)).success).toBe(true);
  });

  it('refuses a report whose finding has an unknown code, naming where', () => {
    const bad = structuredClone(report) as { findings: { code: string }[] };
    bad.findings[0].code = 'made-up';
    const r = jsonReportSchema.safeParse(bad);
    expect(r.success).toBe(false);
    expect(r.error?.issues[0].path).toEqual(['findings', 0, 'code']);
  });

  it('refuses a district line without all nine unsur, and a key the contract does not have', () => {
    const short = structuredClone(report) as { district: { unsur: unknown[] } };
    short.district.unsur.pop();
    expect(jsonReportSchema.safeParse(short).success).toBe(false);
    const extra = { ...(report as object), surprise: 1 };
    expect(jsonReportSchema.safeParse(extra).success).toBe(false);
  });

  it('is published as docs/report.schema.json exactly as the code declares it', () => {
    const onDisk = JSON.parse(
      fs.readFileSync(path.join(ROOT, 'docs', 'report.schema.json'), 'utf8'),
    );
    expect(onDisk).toEqual(reportJsonSchema());
  });
});
