/**
 * The copy keeps everything it does not say it changes (issue 15, items 3 and 5): unzipped, input
 * and copy differ only in the recap sheet's XML and styles.xml (and for --summary the new sheet
 * part with its three index entries), and every element of the edited sheet XML that is not a
 * written cell is still there, character for character.
 */
import { randomBytes } from 'crypto';
import { readFileSync, writeFileSync } from 'fs';
import { DOMParser } from '@xmldom/xmldom';
import { readGrids } from '../../src/xlsx/lean-read';
import { cellAt } from '../../src/engine/grid';
import { NOTES_HEADER } from '../../src/engine/plan';
import { run, SAMPLE, tempDir } from '../cli/helpers';
import { BASE, OTHER, recap, tahunan, unit } from '../engine/grid';
import { buildXlsx, changedParts, partsOf, sheetXml, type WorkbookParts } from './copy-build';

const tmp = tempDir();
afterAll(() => tmp.remove());

const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const UNITS = [
  unit(1, 'DINAS A', tahunan({ ...BASE, ikm: 85.06, realisation: 0.8 })),
  unit(2, 'DINAS B', tahunan({ ...OTHER, realisation: 1 })),
];
const SHEET = 'Rekap SKM OPP 2025';

/** What staff keep in a sheet and exceljs drops or mangles, after <mergeCells>, in schema order. */
const SHEET_EXTRAS = [
  `<conditionalFormatting sqref="N3:N9"><cfRule type="cellIs" dxfId="0" priority="1" operator="lessThan"><formula>76.61</formula></cfRule></conditionalFormatting>`,
  `<dataValidations count="1"><dataValidation type="list" allowBlank="1" sqref="O3:O9"><formula1>"A (Sangat Baik),B (Baik),C (Kurang Baik),D (Tidak Baik)"</formula1></dataValidation></dataValidations>`,
  `<hyperlinks><hyperlink ref="B3" location="'Lampiran I'!A1" display="ke lampiran"/></hyperlinks>`,
  `<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>`,
  `<drawing r:id="rIdDrawing"/>`,
  `<legacyDrawing r:id="rIdVml"/>`,
  `<extLst><ext uri="{78C0D931-6437-407d-A8EE-F0AAD7539E65}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"><x14:conditionalFormattings><x14:conditionalFormatting xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main"><x14:cfRule type="dataBar" id="{00000000-0000-0000-0000-000000000001}"><x14:dataBar minLength="0" maxLength="100"><x14:cfvo type="autoMin"/><x14:cfvo type="autoMax"/></x14:dataBar></x14:cfRule><xm:sqref>N3:N6</xm:sqref></x14:conditionalFormatting></x14:conditionalFormattings></ext>` +
    `<ext uri="{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"><x14:dataValidations count="1" xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main"><x14:dataValidation type="list" allowBlank="1"><x14:formula1><xm:f>'Lampiran I'!$B$1:$B$4</xm:f></x14:formula1><xm:sqref>C3:C6</xm:sqref></x14:dataValidation></x14:dataValidations></ext>` +
    `<ext uri="{05C60535-1F16-4fd2-B633-F4F36F0B64E0}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"><x14:sparklineGroups xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main"><x14:sparklineGroup displayEmptyCellsAs="gap"><x14:sparklines><x14:sparkline><xm:f>'Rekap SKM OPP 2025'!E3:M3</xm:f><xm:sqref>S3</xm:sqref></x14:sparkline></x14:sparklines></x14:sparklineGroup></x14:sparklineGroups></ext></extLst>`,
];

/** Parts a workbook may carry besides its cells: each must come out byte for byte. */
const OTHER_PARTS: Record<string, string | Uint8Array> = {
  'xl/charts/chart1.xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart><c:plotArea><c:layout/></c:plotArea></c:chart></c:chartSpace>`,
  'xl/drawings/drawing1.xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing"/>`,
  'xl/drawings/_rels/drawing1.xml.rels': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/chart" Target="../charts/chart1.xml"/></Relationships>`,
  'xl/drawings/vmlDrawing1.vml':
    '<xml xmlns:v="urn:schemas-microsoft-com:vml"><v:shape id="Tombol 1"/></xml>',
  'xl/ctrlProps/ctrlProp1.xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<formControlPr xmlns="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main" objectType="Button" lockText="1"/>`,
  'xl/embeddings/oleObject1.bin': randomBytes(2048),
  'xl/vbaProject.bin': randomBytes(4096),
  'xl/media/image1.png': randomBytes(512),
  'xl/pivotTables/pivotTable1.xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<pivotTableDefinition xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" name="PivotTable1" cacheId="1"/>`,
  'xl/externalLinks/externalLink1.xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<externalLink xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${REL}"><externalBook r:id="rId1"><sheetNames><sheetName val="Rekap 2024"/></sheetNames></externalBook></externalLink>`,
  'xl/externalLinks/_rels/externalLink1.xml.rels': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/externalLinkPath" Target="rekap-2024.xlsx" TargetMode="External"/></Relationships>`,
  'xl/metadata.xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<metadata xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:xda="http://schemas.microsoft.com/office/spreadsheetml/2017/dynamicarray"><metadataTypes count="1"><metadataType name="XLDAPR" minSupportedVersion="120000"/></metadataTypes></metadata>`,
  'xl/connections.xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<connections xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><connection id="1" name="Query - Rekap" type="5" refreshedVersion="8"><dbPr connection="Provider=Microsoft.Mashup.OleDb.1;Location=Rekap" command="SELECT * FROM [Rekap]"/></connection></connections>`,
  'xl/webextensions/webextension1.xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<we:webextension xmlns:we="http://schemas.microsoft.com/office/webextensions/webextension/2010/11" id="{5B6A2A8A-0000-0000-0000-000000000001}"><we:properties><we:property name="skm-ledger" value="&quot;{}&quot;"/></we:properties></we:webextension>`,
  'xl/webextensions/taskpanes.xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<wetp:taskpanes xmlns:wetp="http://schemas.microsoft.com/office/webextensions/taskpanes/2010/11"/>`,
  'docProps/custom.xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="MSIP_Label_0000_Enabled"><vt:lpwstr>true</vt:lpwstr></property></Properties>`,
  'customXml/item1.xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<DataMashup xmlns="http://schemas.microsoft.com/DataMashup">AAAAAA==</DataMashup>`,
  'customXml/itemProps1.xml': `<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n<ds:datastoreItem ds:itemID="{00000000-0000-0000-0000-000000000002}" xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml"/>`,
};

/** A recap sheet and a "Lampiran I" sheet with formulas pointing below the table and a dynamic array. */
function hostileWorkbook(extra: Partial<WorkbookParts> = {}): WorkbookParts {
  const built = recap(UNITS, { formats: { realisation: '0%' } });
  return {
    sheets: [
      {
        name: SHEET,
        xml: sheetXml(built.grid, { after: SHEET_EXTRAS.join('') }),
        rels: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rIdDrawing" Type="${REL}/drawing" Target="../drawings/drawing1.xml"/><Relationship Id="rIdVml" Type="${REL}/vmlDrawing" Target="../drawings/vmlDrawing1.vml"/><Relationship Id="rIdCtrl" Type="${REL}/ctrlProp" Target="../ctrlProps/ctrlProp1.xml"/></Relationships>`,
      },
      {
        name: 'Lampiran I',
        xml:
          `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>` +
          `<row r="1"><c r="A1"><f>'${SHEET}'!N8</f><v>0</v></c><c r="B1" cm="1"><f t="array" ref="B1:B2">_xlfn._xlws.SORT('${SHEET}'!B3:B6)</f><v>0</v></c></row>` +
          `</sheetData></worksheet>`,
      },
    ],
    afterSheets:
      `<externalReferences><externalReference r:id="rIdExt"/></externalReferences>` +
      `<definedNames><definedName name="_xlnm.Print_Area" localSheetId="0">'${SHEET}'!$A$1:$T$9</definedName>` +
      `<definedName name="Ambang" hidden="1">76.61</definedName><definedName name="Lokal" localSheetId="1">'Lampiran I'!$A$1</definedName>` +
      `<definedName name="Luar">[1]'Rekap 2024'!$N$9</definedName></definedNames><calcPr calcId="191029"/>`,
    workbookRels: `<Relationship Id="rIdExt" Type="${REL}/externalLink" Target="externalLinks/externalLink1.xml"/><Relationship Id="rIdVba" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" Target="vbaProject.bin"/><Relationship Id="rIdConn" Type="${REL}/connections" Target="connections.xml"/><Relationship Id="rIdMeta" Type="${REL}/sheetMetadata" Target="metadata.xml"/>`,
    packageRels: `<Relationship Id="rIdCustom" Type="${REL}/custom-properties" Target="docProps/custom.xml"/><Relationship Id="rIdWe" Type="http://schemas.microsoft.com/office/2011/relationships/webextensiontaskpanes" Target="xl/webextensions/taskpanes.xml"/>`,
    contentTypes: `<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/><Default Extension="png" ContentType="image/png"/><Default Extension="vml" ContentType="application/vnd.openxmlformats-officedocument.vmlDrawing"/>`,
    parts: OTHER_PARTS,
    ...extra,
  };
}

const wellFormed = (xml: string): string[] => {
  const errors: string[] = [];
  new DOMParser({
    onError: (level: string, msg: string) => {
      if (level !== 'warning') errors.push(msg);
    },
  } as never).parseFromString(xml, 'text/xml');
  return errors;
};

describe('a workbook with everything exceljs would drop', () => {
  const input = tmp.file('lengkap.xlsx');
  const out = tmp.file('lengkap-diperiksa.xlsx');

  beforeAll(async () => {
    writeFileSync(input, await buildXlsx(hostileWorkbook()));
    const r = await run('check', input, '--out', out);
    expect(r.code).toBe(1);
  });

  it('comes out with only the recap sheet and styles.xml changed', async () => {
    expect(await changedParts(input, out)).toEqual(['xl/styles.xml', 'xl/worksheets/sheet1.xml']);
  });

  it.each(Object.keys(OTHER_PARTS))('keeps %s byte for byte', async (name) => {
    const [a, b] = await Promise.all([partsOf(input), partsOf(out)]);
    expect(b.get(name)).toBeDefined();
    expect(b.get(name)!.equals(a.get(name)!)).toBe(true);
  });

  it('keeps the workbook (defined names, external references) and the other sheet as they were', async () => {
    const [a, b] = await Promise.all([partsOf(input), partsOf(out)]);
    for (const name of [
      'xl/workbook.xml',
      'xl/worksheets/sheet2.xml',
      'xl/_rels/workbook.xml.rels',
    ])
      expect(b.get(name)!.equals(a.get(name)!)).toBe(true);
  });

  it('keeps every element of the recap sheet after its cells, character for character', async () => {
    const sheet = (await partsOf(out)).get('xl/worksheets/sheet1.xml')!.toString('utf8');
    expect(wellFormed(sheet)).toEqual([]);
    for (const el of SHEET_EXTRAS) expect(sheet).toContain(el);
  });

  it('writes well-formed styles and the marks, notes and district line where the plan put them', async () => {
    const styles = (await partsOf(out)).get('xl/styles.xml')!.toString('utf8');
    expect(wellFormed(styles)).toEqual([]);
    const grid = (await readGrids(readFileSync(out))).find((g) => g.name === SHEET)!;
    expect(cellAt(grid, 1, 21)).toBe(NOTES_HEADER);
    expect(String(cellAt(grid, 3, 21))).toMatch(/^\[Galat\] N3: /);
    expect(cellAt(grid, 7, 1)).toBe('RATA-RATA KABUPATEN');
    expect(cellAt(grid, 7, 14)).toBe(85.03);
  });
});

describe('--summary on a workbook with everything exceljs would drop', () => {
  it('adds one sheet part and its three index entries, nothing else', async () => {
    const input = tmp.file('lengkap-ringkasan.xlsx');
    const out = tmp.file('lengkap-ringkasan-diperiksa.xlsx');
    writeFileSync(input, await buildXlsx(hostileWorkbook()));
    expect((await run('check', input, '--out', out, '--summary')).code).toBe(1);
    expect(await changedParts(input, out)).toEqual([
      '[Content_Types].xml',
      'xl/_rels/workbook.xml.rels',
      'xl/styles.xml',
      'xl/workbook.xml',
      'xl/worksheets/sheet1.xml',
      'xl/worksheets/sheet3.xml',
    ]);
    const parts = await partsOf(out);
    const workbook = parts.get('xl/workbook.xml')!.toString('utf8');
    expect(wellFormed(workbook)).toEqual([]);
    // The defined names and external references are still there, the new sheet last (local ids unchanged).
    expect(workbook).toContain(
      `<definedName name="_xlnm.Print_Area" localSheetId="0">'${SHEET}'!$A$1:$T$9</definedName>`,
    );
    expect(workbook).toContain('<externalReferences><externalReference r:id="rIdExt"/>');
    expect(workbook).toMatch(
      /<sheet [^>]*name="Ringkasan SKM" sheetId="3" r:id="rId\d+"\/><\/sheets>/,
    );
    expect(parts.get('[Content_Types].xml')!.toString('utf8')).toContain(
      '<Override PartName="/xl/worksheets/sheet3.xml"',
    );
    const grids = await readGrids(readFileSync(out));
    expect(grids.map((g) => g.name)).toEqual([SHEET, 'Lampiran I', 'Ringkasan SKM']);
  });

  it('adds no sheet to a workbook whose structure is protected, and says so', async () => {
    const input = tmp.file('terkunci.xlsx');
    const out = tmp.file('terkunci-diperiksa.xlsx');
    writeFileSync(
      input,
      await buildXlsx(
        hostileWorkbook({
          beforeSheets: `<fileSharing readOnlyRecommended="1" userName="Bagian Organisasi" reservationPassword="CC3D"/><workbookProtection lockStructure="1" workbookPassword="CC3D"/>`,
        }),
      ),
    );
    const r = await run('check', input, '--out', out, '--summary');
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(
      'Lembar ringkasan tidak ditambahkan: struktur buku kerja dilindungi.',
    );
    expect(await changedParts(input, out)).toEqual(['xl/styles.xml', 'xl/worksheets/sheet1.xml']);
  });
});

describe('the Banjar recap', () => {
  it('changes only its recap sheet and styles.xml, and with --summary the documented index parts', async () => {
    const out = tmp.file('banjar.xlsx');
    const withSummary = tmp.file('banjar-ringkasan.xlsx');
    expect((await run('check', SAMPLE, '--out', out)).code).toBe(1);
    expect(await changedParts(SAMPLE, out)).toEqual(['xl/styles.xml', 'xl/worksheets/sheet1.xml']);
    expect((await run('check', SAMPLE, '--out', withSummary, '--summary')).code).toBe(1);
    expect(await changedParts(SAMPLE, withSummary)).toEqual([
      '[Content_Types].xml',
      'xl/_rels/workbook.xml.rels',
      'xl/styles.xml',
      'xl/workbook.xml',
      'xl/worksheets/sheet1.xml',
      'xl/worksheets/sheet3.xml',
    ]);
  });

  it('gives the same JSON report with and without --out', async () => {
    const a = await run('check', SAMPLE, '--json');
    const b = await run('check', SAMPLE, '--json', '--out', tmp.file('banjar-json.xlsx'));
    expect(b.stdout).toBe(a.stdout);
  });
});
