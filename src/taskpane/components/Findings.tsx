/**
 * The findings: a filter that stays in view, then one entry per record with
 * its likely cause first and the rest folded under it. The list is one
 * composite widget: arrow keys move inside it, Tab leaves it.
 */
import * as React from 'react';
import { Button, makeStyles, mergeClasses, ToggleButton, tokens } from '@fluentui/react-components';
import type { Finding, Severity } from '../../engine/checks';
import type { Lang } from '../../engine/messages';
import { findingMessage } from '../../engine/report';
import { labels } from '../strings';
import { groupFindings, severityCounts, type Filter, type FindingGroup } from '../view-model';

/** Entries shown before "Tampilkan semua": enough to read, short enough to reach the actions. */
export const FIRST_GROUPS = 8;

const useStyles = makeStyles({
  filter: {
    position: 'sticky',
    top: 0,
    zIndex: 2,
    display: 'flex',
    flexWrap: 'wrap',
    gap: '4px',
    padding: '6px 0',
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  chip: { minWidth: 0, maxWidth: '100%' },
  list: { listStyle: 'none', margin: 0, padding: 0 },
  group: { padding: '6px 0', borderBottom: `1px solid ${tokens.colorNeutralStroke3}` },
  title: {
    margin: '0 0 2px 0',
    fontSize: tokens.fontSizeBase300,
    fontWeight: tokens.fontWeightSemibold,
    overflowWrap: 'anywhere',
  },
  finding: {
    display: 'block',
    width: '100%',
    boxSizing: 'border-box',
    textAlign: 'left',
    font: 'inherit',
    color: 'inherit',
    padding: '4px 6px',
    border: '1px solid transparent',
    background: 'transparent',
    cursor: 'pointer',
    overflowWrap: 'anywhere',
    borderRadius: tokens.borderRadiusMedium,
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '-2px' },
  },
  selected: {
    backgroundColor: tokens.colorBrandBackground2,
    border: `1px solid ${tokens.colorBrandStroke1}`,
  },
  badge: {
    display: 'inline-block',
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    fontWeight: tokens.fontWeightSemibold,
    padding: '0 4px',
    marginRight: '6px',
    borderRadius: tokens.borderRadiusSmall,
  },
  error: { color: '#a4262c', backgroundColor: '#fde7e9' },
  warning: { color: '#6d4a00', backgroundColor: '#fff4ce' },
  info: { color: '#004e8c', backgroundColor: '#deecf9' },
  cell: { fontFamily: tokens.fontFamilyMonospace, marginRight: '6px' },
  more: { marginLeft: '2px' },
  detail: { paddingLeft: '12px' },
});

export function Findings(props: {
  findings: Finding[];
  lang: Lang;
  selected: string | null;
  onSelect: (f: Finding, key: string) => void;
}): React.JSX.Element {
  const { findings, lang, selected, onSelect } = props;
  const styles = useStyles();
  const [filter, setFilter] = React.useState<Filter>('problems');
  const [all, setAll] = React.useState(false);
  const [open, setOpen] = React.useState<Set<string>>(() => new Set());
  // One composite list (roving tabindex): arrows move inside, Tab leaves it.
  const [current, setCurrent] = React.useState<string | null>(null);
  const listRef = React.useRef<HTMLUListElement>(null);
  const counts = severityCounts(findings);
  const groups = groupFindings(findings, filter);
  const shown = all ? groups : groups.slice(0, FIRST_GROUPS);
  const navKeys = shown.flatMap((g) => [
    `${g.key}#0`,
    ...(g.detail.length ? [`${g.key}#more`] : []),
    ...(open.has(g.key) ? g.detail.map((_, i) => `${g.key}#${i + 1}`) : []),
  ]);
  const active = current !== null && navKeys.includes(current) ? current : navKeys[0];
  const nav = (key: string) => ({
    tabIndex: key === active ? 0 : -1,
    'data-nav': key,
    onFocus: () => setCurrent(key),
  });
  const onKeyDown = (e: React.KeyboardEvent) => {
    const i = navKeys.indexOf(active);
    const to =
      e.key === 'ArrowDown'
        ? Math.min(i + 1, navKeys.length - 1)
        : e.key === 'ArrowUp'
          ? Math.max(i - 1, 0)
          : e.key === 'Home'
            ? 0
            : e.key === 'End'
              ? navKeys.length - 1
              : null;
    if (to === null) return;
    e.preventDefault();
    setCurrent(navKeys[to]);
    listRef.current?.querySelector<HTMLElement>(`[data-nav="${CSS.escape(navKeys[to])}"]`)?.focus();
  };
  const filters: [Filter, string, number][] = [
    ['problems', labels.problems[lang], counts.error + counts.warning],
    ['error', labels.errors[lang], counts.error],
    ['warning', labels.warnings[lang], counts.warning],
    ['info', labels.infos[lang], counts.info],
  ];

  const item = (f: Finding, key: string) => (
    <button
      key={key}
      type="button"
      className={mergeClasses(styles.finding, selected === key && styles.selected)}
      aria-current={selected === key ? 'true' : undefined}
      data-testid="finding"
      data-code={f.code}
      data-cell={f.cell ?? ''}
      onClick={() => onSelect(f, key)}
      {...nav(key)}
    >
      <Badge severity={f.severity} lang={lang} styles={styles} />
      {f.cell && <span className={styles.cell}>{f.cell}</span>}
      {findingMessage(f, lang)}
    </button>
  );

  return (
    <>
      <div className={styles.filter} role="group" aria-label={labels.filter[lang]}>
        {filters.map(([value, name, n]) => (
          <ToggleButton
            key={value}
            size="small"
            className={styles.chip}
            checked={filter === value}
            appearance={filter === value ? 'primary' : 'secondary'}
            data-testid={`filter-${value}`}
            onClick={() => {
              setFilter(value);
              setAll(false);
            }}
          >
            {name} ({n})
          </ToggleButton>
        ))}
      </div>
      {groups.length === 0 ? (
        <p data-testid="no-findings">{labels.noFindings[lang]}</p>
      ) : (
        <ul
          className={styles.list}
          aria-label={labels.findingList[lang]}
          data-testid="findings"
          ref={listRef}
          onKeyDown={onKeyDown}
        >
          {shown.map((g: FindingGroup) => {
            const expanded = open.has(g.key);
            const detailId = `detail-${g.key.replace(/[^A-Za-z0-9_-]/g, '_')}`;
            return (
              <li key={g.key} className={styles.group} data-testid="finding-group">
                <h3 className={styles.title}>{g.title}</h3>
                {item(g.lead, `${g.key}#0`)}
                {g.detail.length > 0 && (
                  <Button
                    appearance="subtle"
                    size="small"
                    className={styles.more}
                    aria-expanded={expanded}
                    aria-controls={expanded ? detailId : undefined}
                    data-testid="finding-more"
                    {...nav(`${g.key}#more`)}
                    onClick={() =>
                      setOpen((s) => {
                        const next = new Set(s);
                        if (expanded) next.delete(g.key);
                        else next.add(g.key);
                        return next;
                      })
                    }
                  >
                    {expanded ? '▾' : '▸'} {labels.moreDetail(g.detail.length)[lang]}
                  </Button>
                )}
                {expanded && (
                  <div id={detailId} className={styles.detail}>
                    {g.detail.map((f, i) => item(f, `${g.key}#${i + 1}`))}
                  </div>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {!all && groups.length > FIRST_GROUPS && (
        <Button appearance="secondary" data-testid="btn-show-all" onClick={() => setAll(true)}>
          {labels.showAll(groups.length - FIRST_GROUPS)[lang]}
        </Button>
      )}
    </>
  );
}

function Badge(props: {
  severity: Severity;
  lang: Lang;
  styles: ReturnType<typeof useStyles>;
}): React.JSX.Element {
  const { severity, lang, styles } = props;
  return (
    <span className={mergeClasses(styles.badge, styles[severity])}>
      {labels.severity[severity][lang]}
    </span>
  );
}
