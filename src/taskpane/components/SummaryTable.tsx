/** The summary of a validation, as a real table: what the recap holds and what was found. */
import * as React from 'react';
import { makeStyles, tokens } from '@fluentui/react-components';
import type { Lang } from '../../engine/messages';
import { unitCounts } from '../../engine/report';
import { UNSUR } from '../../engine/unsur';
import type { Session } from '../excel';
import { labels } from '../strings';
import { numberIn, severityCounts } from '../view-model';

const useStyles = makeStyles({
  table: { width: '100%', borderCollapse: 'collapse', tableLayout: 'fixed' },
  th: {
    textAlign: 'left',
    fontWeight: tokens.fontWeightRegular,
    color: tokens.colorNeutralForeground2,
    verticalAlign: 'top',
    width: '38%',
    padding: '2px 8px 2px 0',
  },
  td: { verticalAlign: 'top', padding: '2px 0', overflowWrap: 'anywhere' },
});

export function SummaryTable({
  session,
  lang,
}: {
  session: Session;
  lang: Lang;
}): React.JSX.Element {
  const styles = useStyles();
  const num = numberIn(lang);
  const { district } = session.analysis;
  const u = unitCounts(session.analysis);
  const counts = severityCounts(session.analysis.findings);
  const rows: [string, string, string][] = [
    [labels.sheet[lang], session.sheet, 'summary-sheet'],
    [
      labels.units[lang],
      labels.unitCounts(u.listed, u.withData, u.inAverage)[lang],
      'summary-units',
    ],
    [labels.errors[lang], String(counts.error), 'summary-errors'],
    [labels.warnings[lang], String(counts.warning), 'summary-warnings'],
    [
      labels.districtIkm[lang],
      district.ikm !== null ? `${num(district.ikm)} ${district.category ?? ''}`.trim() : '—',
      'summary-ikm',
    ],
    [
      labels.lowest[lang],
      district.lowest
        .map((x) => {
          const name =
            lang === 'en' ? (UNSUR.find((v) => v.code === x.code)?.nameEn ?? x.name) : x.name;
          return `${name} (${num(x.value)})`;
        })
        .join(', ') || '—',
      'summary-lowest',
    ],
  ];
  return (
    <table className={styles.table} data-testid="summary">
      <tbody>
        {rows.map(([head, value, id]) => (
          <tr key={id}>
            <th scope="row" className={styles.th}>
              {head}
            </th>
            <td className={styles.td} data-testid={id}>
              {value}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
