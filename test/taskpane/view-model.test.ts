/**
 * What the pane shows, computed from a session: the workbook's language, the
 * recaps nothing can be written into, findings grouped by entry with the
 * likely cause first, the district line's changes as staff read them.
 */
import type { Session } from '../../src/taskpane/excel';
import { previewDistrictLine } from '../../src/taskpane/excel';
import {
  groupFindings,
  leftOut,
  previewRows,
  workbookLang,
  writeBlock,
} from '../../src/taskpane/view-model';
import { analyse, BASE, OTHER, recap, tahunan, unit, type Recap } from '../engine/grid';

function session(built: Recap): Session {
  return { sheet: built.grid.name, grid: built.grid, analysis: analyse(built), lang: 'id' };
}

describe('workbookLang', () => {
  it('is Indonesian for an Indonesian header, whatever Office speaks', () => {
    expect(workbookLang(session(recap([unit(1, 'DINAS A', tahunan(BASE))])))).toBe('id');
  });

  it('is English when the header words are English', () => {
    const built = recap([unit(1, 'OFFICE A', tahunan(BASE))], {
      headers: { unit: 'Service unit', category: 'Category', respondents: 'Respondents' },
    });
    expect(workbookLang(session(built))).toBe('en');
  });
});

describe('writeBlock', () => {
  it('is null for a recap with units that hold data', () => {
    expect(writeBlock(session(recap([unit(1, 'DINAS A', tahunan(BASE))])))).toBeNull();
  });

  it('says a recap with units but no values has nothing to write', () => {
    const built = recap([unit(1, 'DINAS A', tahunan({ nrr: null, conv: null }))]);
    expect(writeBlock(session(built))?.id).toMatch(/tidak satu pun berisi nilai unsur/);
  });
});

describe('groupFindings', () => {
  it('puts the finding that names a cause first and folds the rest under it', () => {
    // The second unit's IKM copied from the first: a cause; its category then disagrees too.
    const built = recap([
      unit(1, 'DINAS A', tahunan(BASE)),
      unit(2, 'DINAS B', tahunan({ ...OTHER, ikm: BASE.ikm, category: 'A (Sangat Baik)' })),
    ]);
    const s = session(built);
    const groups = groupFindings(s.analysis.findings, 'problems');
    const b = groups.find((g) => g.title.startsWith('2. DINAS B'))!;
    expect(b).toBeDefined();
    const all = [b.lead, ...b.detail];
    expect(all.length).toBeGreaterThan(1);
    if (all.some((f) => f.cause !== null)) expect(b.lead.cause).not.toBeNull();
    expect(all.every((f) => f.severity !== 'info')).toBe(true);
    expect(b.severity).toBe('error');
  });

  it('keeps Info out of the problems and shows it alone under its own filter', () => {
    const built = recap([unit(1, 'DINAS A', tahunan({ ...BASE, priority: 'Persyaratan' }))]);
    const s = session(built);
    const infos = s.analysis.findings.filter((f) => f.severity === 'info');
    expect(infos.length).toBeGreaterThan(0);
    expect(
      groupFindings(s.analysis.findings, 'problems').flatMap((g) => [g.lead, ...g.detail]),
    ).toEqual(s.analysis.findings.filter((f) => f.severity !== 'info'));
    expect(
      groupFindings(s.analysis.findings, 'info').flatMap((g) => [g.lead, ...g.detail]),
    ).toEqual(infos);
  });
});

describe('previewRows', () => {
  it('names the unsur and shows the realisation as a percentage', () => {
    const built = recap(
      [
        unit(1, 'DINAS A', tahunan({ ...BASE, realisation: 0.8 })),
        unit(2, 'DINAS B', tahunan({ ...OTHER, realisation: 0.9 })),
        unit(3, 'DINAS C', tahunan({ nrr: null, conv: null })),
      ],
      { formats: { realisation: '0%' } },
    );
    const s = session(built);
    const rows = previewRows(s, previewDistrictLine(s).changes, 'id');
    expect(rows.map((r) => r.item)).toContain('Waktu Penyelesaian');
    expect(rows.map((r) => r.item)).not.toContain('U3');
    const realisation = rows.find((r) => r.item === 'Realisasi');
    expect(realisation?.after).toBe('85,00%');
    expect(leftOut(s, 'id')).toEqual(['Tidak ikut (1), tanpa data: 3.']);
  });
});
