import { z } from 'zod';
import { activityTypes, branchKinds, extraLabels, memberStatuses, onMapping, projectStatuses, recordProblems, rectificationStatuses, themeDayForms } from './enums.js';
import { count, date, enumOf, hours, month, names, optionalDate, optionalText, periodRef, record, text } from './fields.js';

/** Every record refinement, by schema: validate.ts plans a record only with its refinement listed here. */
export const refinements = new Map<z.ZodType, (value: Record<string, unknown>) => unknown[]>();

/** A record with a refinement written as data (its issues, enums.ts), so the fast validator needs no copy of it. */
function refined<T extends z.ZodType>(schema: T, problems: (value: Record<string, unknown>) => z.core.$ZodRawIssue[], options?: { when: (payload: { value: unknown }) => boolean }): T {
  const out = schema.superRefine((value, ctx) => {
    for (const issue of problems(value as Record<string, unknown>)) ctx.addIssue(issue as Parameters<typeof ctx.addIssue>[0]);
  }, options) as unknown as T;
  refinements.set(out, problems);
  return out;
}

const training = record({ date, hours, title: optionalText });
const indicator = record({ name: optionalText, target: z.union([z.string(), z.number()]).nullish(), actual: z.union([z.string(), z.number()]).nullish() });

export const member = record({
  name: text,
  status: enumOf(memberStatuses),
  admitted: optionalDate,
  confirmed: optionalDate,
  since: optionalDate,
  until: optionalDate,
  group: optionalText,
  leader: z.boolean().nullish(),
  excused: z.boolean().nullish(),
  probation_until: optionalDate,
  dues: z.array(month).nullish(),
  training: z.array(training).nullish(),
  indicators: z.array(indicator).nullish(),
});

export const group = record({ name: text, leader: optionalText });

const absentee = record({ name: text, reason: optionalText });

export const activity = refined(record({
  type: enumOf(activityTypes),
  date,
  topic: optionalText,
  host: optionalText,
  recorder: optionalText,
  attendees: names,
  expected: count,
  present: count,
  absentees: z.array(absentee).nullish(),
  guests: names,
  minutes: z.union([z.string(), z.boolean()]).nullish(),
  group: optionalText,
  lecturer: optionalText,
  form: enumOf(themeDayForms, extraLabels.themeDayForms).nullish(),
  hours: hours.nullish(),
  with: names,
  member: optionalText,
  eligible: count,
  address: optionalText,
  decision: optionalText,
}), recordProblems.activity);

const progress = record({ date, note: optionalText });

export const project = record({
  name: text,
  approved: optionalDate,
  owner: optionalText,
  goals: z.array(z.string()).nullish(),
  status: enumOf(projectStatuses).nullish(),
  progress: z.array(progress).nullish(),
});

export const rectification = record({
  issue: text,
  rule: optionalText,
  found: optionalDate,
  deadline: optionalDate,
  owner: optionalText,
  status: enumOf(rectificationStatuses).nullish(),
  done: optionalDate,
});

export const exemption = record({
  rule: text,
  subject: optionalText,
  period: periodRef.nullish(),
  reason: text,
  approved_by: optionalText,
  expires: optionalDate,
});

export const branchHeader = record({
  id: text,
  name: text,
  kind: enumOf(branchKinds).nullish(),
  parent: optionalText,
  units: names,
  established: optionalDate,
  secretary: text,
  deputy_secretaries: names,
  committee: names,
  elected: optionalDate,
});

/** Lets a document-level check run when fields failed, so all its errors come in one run. */
const evenWithErrors = { when: (payload: { value: unknown }) => onMapping(payload) };

/** A branch file document (docs/records.md, "Branch file"). */
export const branchDocument = refined(record({
  branch: branchHeader,
  members: z.array(member).nullish(),
  groups: z.array(group).nullish(),
  activities: z.array(activity).nullish(),
  projects: z.array(project).nullish(),
  rectifications: z.array(rectification).nullish(),
  exemptions: z.array(exemption).nullish(),
}), recordProblems.branchDocument, evenWithErrors);

export const leader = record({ name: text, title: optionalText, branch: optionalText, liaison: optionalText });
export const unit = record({ name: text, party_members: z.number().int().min(0) });

/** An organization file document (docs/records.md, "Organization file"). */
export const organizationDocument = refined(record({
  organization: record({ id: text, name: text }),
  leaders: z.array(leader).nullish(),
  units: z.array(unit).nullish(),
  exemptions: z.array(exemption).nullish(),
}), recordProblems.organizationDocument, evenWithErrors);

export type BranchDocument = z.output<typeof branchDocument>;
export type OrganizationDocument = z.output<typeof organizationDocument>;
