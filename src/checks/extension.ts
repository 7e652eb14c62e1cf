import { z } from './deferred-z.js';
import { addMonths } from '../engine/periods.js';
import { deadlineItems, deadlineTarget } from './deadline.js';
import { primitive, whole } from './primitive.js';

/**
 * Structure: a date that extends a term (`field`, e.g. an extended probation) may be
 * at most `maxYears` after the term's normal end (`from` + `years`).
 */
export const extension = primitive({
  name: 'extension',
  scope: 'branch',
  options: z.strictObject({ target: deadlineTarget, from: z.string(), years: whole.default(0), field: z.string(), maxYears: whole }),
  run(scope, o, emit) {
    for (const { record, at, subject } of deadlineItems(scope, o.target)) {
      const start = record[o.from];
      const extended = record[o.field];
      if (typeof start !== 'string' || typeof extended !== 'string') continue;
      const due = addMonths(start, o.years * 12);
      const limit = addMonths(due, o.maxYears * 12);
      if (extended <= limit) {
        emit.met?.(null, subject);
        continue;
      }
      emit({ messageId: 'extension', args: { target: o.target, subject, due, extended, limit, maxYears: o.maxYears }, period: null, subject, at, status: 'violation' });
    }
  },
});
