import { buildRectificationList, type RectificationList } from '../../src/rectify/list.js';
import { formatRectificationJson } from '../../src/rectify/json.js';
import { parsePreviousList } from '../../src/rectify/previous.js';
import { branches, coverage, dues, finding, generalQ3, organizations, q3Findings, recordIncomplete, report, themeDay } from './fixture.js';

/** The 2026Q3 list handed out on 2026-10-08 (no earlier list). */
export const firstList = buildRectificationList({ report: report(q3Findings), branches: branches(), organizations, asOf: '2026-10-08', policy: {}, includePending: true });

const unknownPerson = finding('records.unknown-person', 'pb-001', null, 'theme-day@2026-09-20', '2026-09-20 主题党日记录中的钱八不是本支部党员（非党员请列为列席人员）', { line: 60, path: 'activities[5]' });

/** The re-check of 2026Q3 on 2026-11-20 against the first list: every status appears (a record marked done too). */
export function recheckList(): RectificationList {
  return buildRectificationList({
    report: report([generalQ3, dues(8), dues(9), coverage, themeDay, unknownPerson, recordIncomplete], '2026-11-20'),
    branches: branches([{ issue: '2026-07-08 党员大会记录补全', rule: 'meetings.record-complete', found: '2026-10-08', deadline: '2026-11-07', owner: '李四', status: 'done', done: '2026-11-02' }]),
    organizations,
    asOf: '2026-11-20',
    policy: {},
    includePending: true,
    previous: parsePreviousList(formatRectificationJson(firstList)),
  });
}
