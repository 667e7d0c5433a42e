/** Case statuses of API.md: the domain's own list (functions/domain is pure TypeScript). */
export { CASE_STATUSES } from '../../../functions/domain/case.ts';
