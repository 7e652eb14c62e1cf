import { describe, expect, it } from 'vitest';
import { periodsOf } from '../../src/engine/periods.js';
import { BranchScope, roleBits } from '../../src/engine/scope.js';
import { branchFrom, windowOf } from '../support/engine.js';
import { activities, branchYaml } from '../support/records.js';

const members = `  - { name: 张伟, status: full }
  - { name: 李娜, status: full }`;

const scopeOf = (...lines: string[]) => new BranchScope(branchFrom(branchYaml({ members, activities: activities(...lines) })), '2026-10-08', windowOf('2026'));
const keys = (list: readonly { key: string }[]) => list.map((a) => a.key);

describe('BranchScope', () => {
  it('orders activities by date, file order for the same date, and leaves out those after as-of', () => {
    const scope = scopeOf(
      'type: general-meeting, date: 2026-05-10',
      'type: committee-meeting, date: 2026-02-01',
      'type: other, date: 2026-11-01',
      'type: theme-day, date: 2026-02-01, form: study',
    );
    expect(keys(scope.activities)).toEqual(['committee-meeting@2026-02-01', 'theme-day@2026-02-01', 'general-meeting@2026-05-10']);
    const inOrder = scopeOf('type: general-meeting, date: 2026-02-01', 'type: general-meeting, date: 2026-05-10', 'type: general-meeting, date: 2026-11-01');
    expect(keys(inOrder.activities)).toEqual(['general-meeting@2026-02-01', 'general-meeting@2026-05-10']);
  });

  it('gives the activities of some types in a period or the window: the same as filtering all of them', () => {
    const scope = scopeOf(
      'type: committee-meeting, date: 2026-01-31',
      'type: general-meeting, date: 2026-02-01',
      'type: committee-meeting, date: 2026-02-28',
      'type: committee-meeting, date: 2026-03-01',
      'type: other, date: 2026-02-15',
      'type: committee-meeting, date: 2026-10-09',
    );
    for (const types of [['committee-meeting'], ['general-meeting', 'other'], ['election']]) {
      for (const size of ['month', 'quarter', 'year'] as const) {
        for (const period of periodsOf(scope.window, size, scope.asOf)) {
          expect(keys(scope.during(period, types))).toEqual(keys(scope.during(period).filter((a) => types.includes(a.type))));
        }
      }
      expect(keys(scope.inWindow(types))).toEqual(keys(scope.inWindow().filter((a) => types.includes(a.type))));
    }
    expect(keys(scope.ofTypes(['committee-meeting']))).toEqual(['committee-meeting@2026-01-31', 'committee-meeting@2026-02-28', 'committee-meeting@2026-03-01']);
  });

  it('indexes people by the activities naming them, each activity once with all its roles', () => {
    const scope = scopeOf(
      'type: general-meeting, date: 2026-03-01, host: 张伟, recorder: 李娜, attendees: [张伟, 李娜, 张伟], absentees: [{ name: 赵六 }]',
      'type: heart-to-heart, date: 2026-02-01, host: 李娜, with: [张伟]',
      'type: party-lecture, date: 2026-04-01, lecturer: 周教授, guests: [周教授]',
    );
    const people = scope.people();
    expect([...people.keys()].sort()).toEqual(['周教授', '张伟', '李娜', '赵六'].sort());
    expect(people.get('张伟')).toEqual({ at: [0, 1], roles: [roleBits(['with']), roleBits(['host', 'attendees'])] });
    expect(people.get('李娜')).toEqual({ at: [0, 1], roles: [roleBits(['host']), roleBits(['recorder', 'attendees'])] });
    expect(people.get('赵六')).toEqual({ at: [1], roles: [roleBits(['absentees'])] });
    expect(people.get('周教授')).toEqual({ at: [2], roles: [roleBits(['lecturer', 'guests'])] });
    expect(scope.months()).toEqual([2026 * 12 + 1, 2026 * 12 + 2, 2026 * 12 + 3]);
  });

  it('gives every member in one shape, the same fields as written, whatever the key order', () => {
    const written = `  - { name: 张伟, status: full, since: 2020-01-01, excused: true, dues: [2026-01] }
  - { until: 2026-06-30, group: 第一党小组, name: 李娜, confirmed: 2019-05-01, status: probationary }
  - { status: full, name: 王强 }`;
    const branch = branchFrom(branchYaml({ members: written, activities: activities() }));
    const scope = new BranchScope(branch, '2026-10-08', windowOf('2026'));
    const fields = ['name', 'status', 'confirmed', 'since', 'until', 'group', 'excused', 'training', 'paid', 'at'] as const;
    expect(scope.members.map((m) => m.record)).toEqual(branch.members);
    for (const [i, view] of scope.members.entries()) {
      expect(view.record).toBe(branch.members[i]);
      expect(Object.keys(view)).toEqual([...fields, 'record']);
      for (const field of fields) expect(view[field]).toBe(branch.members[i]?.[field]);
    }
  });
});
