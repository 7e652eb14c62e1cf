import { conflict } from './conflict.js';
import { count } from './count.js';
import { coverage } from './coverage.js';
import { deadline } from './deadline.js';
import { dues } from './dues.js';
import { duplicate } from './duplicate.js';
import { fields } from './fields.js';
import { forbid } from './forbid.js';
import { futureDated } from './future.js';
import { leaderParticipation, liaisonAssigned } from './liaison.js';
import { names } from './names.js';
import { participation } from './participation.js';
import type { Primitive } from './primitive.js';
import { progress } from './progress.js';
import { quorum } from './quorum.js';
import { reference } from './reference.js';
import { role } from './role.js';
import { run } from './run.js';
import { size } from './size.js';
import { sum } from './sum.js';
import { variety } from './variety.js';

/** Every check primitive, by the name rules give in `check:`. */
export const primitives: ReadonlyMap<string, Primitive> = new Map(
  [conflict, count, coverage, deadline, dues, duplicate, fields, forbid, futureDated, leaderParticipation, liaisonAssigned, names, participation, progress, quorum, reference, role, run, size, sum, variety].map((p) => [p.name, p]),
);
