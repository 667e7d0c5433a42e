import { openapi as appeals } from '../schemas/appeals.ts';
import { openapi as cases } from '../schemas/cases.ts';
import { openapi as evidence } from '../schemas/evidence.ts';
import { openapi as identity } from '../schemas/identity.ts';
import { openapi as personalData } from '../schemas/personal-data.ts';
import { openapi as platform } from '../schemas/platform.ts';
import { openapi as screening } from '../schemas/screening.ts';
import { openapi as sellers } from '../schemas/sellers.ts';
import { openapi as testBuys } from '../schemas/test-buys.ts';
import { openapi as transparency } from '../schemas/transparency.ts';
import type { RouteDocs } from './route-doc.ts';

/** Every area's route descriptions, keyed `METHOD /path`: a new area's module is added here. */
export const describedRoutes: RouteDocs = {
  ...platform,
  ...identity,
  ...evidence,
  ...cases,
  ...sellers,
  ...appeals,
  ...personalData,
  ...screening,
  ...testBuys,
  ...transparency,
};
