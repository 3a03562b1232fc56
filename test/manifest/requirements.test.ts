/**
 * The manifest declares what the add-in calls: ExcelApi at the highest version
 * of any member used without a check, a SupportUrl, and functions.json that
 * does not ask Excel for data-type entities.
 */
import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import { validateFunctionsMetadata, validateManifest } from '../../src/manifest/validate';
import { EXCEL_API_USED, highestExcelApi } from '../../src/taskpane/excel/requirements';

const ROOT = join(__dirname, '..', '..');
const MANIFEST = readFileSync(join(ROOT, 'manifest.xml'), 'utf8');
const ADAPTER = join(ROOT, 'src', 'taskpane', 'excel');
const source = readdirSync(ADAPTER)
  .filter((f) => f.endsWith('.ts') && f !== 'requirements.ts')
  .map((f) => readFileSync(join(ADAPTER, f), 'utf8'))
  .join('\n');
const OPTIONS = { baseUrl: 'https://localhost:3000', namespace: 'SKM' };

describe('requirement sets', () => {
  it('lists only members the adapter really calls', () => {
    for (const member of Object.keys(EXCEL_API_USED))
      expect(source).toMatch(new RegExp(`\\.${member}\\b`));
  });

  it('lists every versioned member the adapter calls (those above ExcelApi 1.1)', () => {
    const versioned = [
      'getMergedAreasOrNullObject',
      'getCellProperties',
      'setCellProperties',
      'getRangeByIndexes',
      'getUsedRangeOrNullObject',
      'getItemOrNullObject',
      'getCount',
      'getRanges',
      'getSpecialCells',
      'getRangeAreas',
      'readOnly',
      'getVisibleView',
    ];
    for (const member of versioned)
      if (new RegExp(`\\.${member}\\(`).test(source) && member !== 'readOnly')
        expect(EXCEL_API_USED).toHaveProperty(member);
  });

  it('declares ExcelApi 1.13 in the manifest, the highest version used (getMergedAreasOrNullObject)', () => {
    expect(highestExcelApi()).toBe('1.13');
    expect(MANIFEST).toMatch(/<Set Name="ExcelApi" MinVersion="1\.13"\/>/);
    expect(validateManifest(MANIFEST, OPTIONS).filter((p) => p.code === 'requirements')).toEqual(
      [],
    );
  });

  it('refuses a manifest that declares less, or no ExcelApi at all', () => {
    const lower = MANIFEST.replace('MinVersion="1.13"', 'MinVersion="1.9"');
    expect(validateManifest(lower, OPTIONS).map((p) => p.code)).toContain('requirements');
    const none = MANIFEST.replace(/<Set Name="ExcelApi"[^>]*\/>/, '');
    expect(validateManifest(none, OPTIONS).map((p) => p.code)).toContain('requirements');
  });

  it('has a SupportUrl under the base URL, and refuses a manifest without one', () => {
    expect(MANIFEST).toMatch(
      /<SupportUrl DefaultValue="https:\/\/localhost:3000\/support\.html"\/>/,
    );
    const without = MANIFEST.replace(/\s*<SupportUrl [^>]*\/>/, '');
    expect(
      validateManifest(without, OPTIONS)
        .map((p) => p.message)
        .join('\n'),
    ).toMatch(/SupportUrl/);
  });
});

describe('functions.json', () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { functionsMetadata } = require(join(ROOT, 'webpack.config.js')) as {
    functionsMetadata: (json: string) => string;
  };
  const generated = JSON.stringify({
    allowCustomDataForDataTypeAny: true,
    functions: [{ id: 'IKM', name: 'IKM', parameters: [] }],
  });

  it('loses the allowCustomDataForDataTypeAny that the metadata generator always sets', () => {
    expect(
      validateFunctionsMetadata(generated)
        .map((p) => p.message)
        .join(),
    ).toMatch(/allowCustomDataForDataTypeAny/);
    const fixed = functionsMetadata(generated);
    expect(JSON.parse(fixed)).toEqual({ functions: [{ id: 'IKM', name: 'IKM', parameters: [] }] });
    expect(validateFunctionsMetadata(fixed)).toEqual([]);
  });
});
