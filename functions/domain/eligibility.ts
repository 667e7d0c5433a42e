import { DomainRuleError } from './errors.ts';
import {
  type InfringementType,
  type IpRightKind,
  type Jurisdiction,
  RIGHT_KINDS_FOR_TYPE,
} from './vocabulary.ts';

/** Verification status of a rights holder or an IP right (API.md). */
export type VerificationStatus = 'pending_verification' | 'verified' | 'rejected';

/** What eligibility needs to know of the rights holder filing. */
export interface RightsHolderStanding {
  rightsHolderId: string;
  status: VerificationStatus;
  /** Notice processing suspended until then (DSA Art 23(2)), ISO instant. */
  suspendedUntil?: string;
}

/** What eligibility needs to know of the IP right a notice names. */
export interface IpRightRecord {
  ipRightId: string;
  rightsHolderId: string;
  kind: IpRightKind;
  jurisdiction: Jurisdiction;
  status: VerificationStatus;
  /** Last day in force: an ISO date (inclusive) or instant. Absent: no expiry known. */
  validUntil?: string;
}

/** Reason codes shared by the 422 check and by screening. */
export type EligibilityReasonCode =
  | 'rights_holder_not_verified'
  | 'rights_holder_suspended'
  | 'ip_right_not_owned'
  | 'ip_right_not_verified'
  | 'ip_right_not_in_force'
  | 'ip_right_wrong_jurisdiction'
  | 'ip_right_kind_mismatch';

/** One failed eligibility rule. */
export interface EligibilityProblem {
  code: EligibilityReasonCode;
  path: string;
  message: string;
}

/** Whether the right is in force at `now`; a date-only `validUntil` counts its whole day (UTC). */
export function isIpRightInForce(validUntil: string | undefined, now: Date): boolean {
  if (validUntil === undefined) return true;
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(validUntil);
  const end = new Date(validUntil).getTime() + (dateOnly ? 86_400_000 : 0);
  return now.getTime() < end;
}

/**
 * The first rule that keeps this rights holder from filing against this IP right, in the
 * order of DOMAIN.md's screening list, or undefined when eligible.
 */
export function noticeEligibilityProblem(input: {
  rightsHolder: RightsHolderStanding;
  ipRight: IpRightRecord;
  jurisdiction: Jurisdiction;
  infringementType: InfringementType;
  now: Date;
}): EligibilityProblem | undefined {
  const { rightsHolder, ipRight, now } = input;
  if (rightsHolder.status !== 'verified') {
    return {
      code: 'rights_holder_not_verified',
      path: 'rightsHolder',
      message: 'Only a verified rights holder may file notices',
    };
  }
  if (rightsHolder.suspendedUntil && new Date(rightsHolder.suspendedUntil) > now) {
    return {
      code: 'rights_holder_suspended',
      path: 'rightsHolder',
      message: `Notice processing for this rights holder is suspended until ${rightsHolder.suspendedUntil} (DSA Art 23(2))`,
    };
  }
  if (ipRight.rightsHolderId !== rightsHolder.rightsHolderId) {
    return { code: 'ip_right_not_owned', path: 'ipRightId', message: 'The IP right is not yours' };
  }
  if (ipRight.status !== 'verified') {
    return {
      code: 'ip_right_not_verified',
      path: 'ipRightId',
      message: 'The IP right is not verified',
    };
  }
  if (!isIpRightInForce(ipRight.validUntil, now)) {
    return {
      code: 'ip_right_not_in_force',
      path: 'ipRightId',
      message: `The IP right expired (valid until ${ipRight.validUntil})`,
    };
  }
  if (ipRight.jurisdiction !== input.jurisdiction) {
    return {
      code: 'ip_right_wrong_jurisdiction',
      path: 'jurisdiction',
      message: `The IP right is registered for ${ipRight.jurisdiction}, not ${input.jurisdiction}`,
    };
  }
  if (!RIGHT_KINDS_FOR_TYPE[input.infringementType].includes(ipRight.kind)) {
    return {
      code: 'ip_right_kind_mismatch',
      path: 'infringementType',
      message: `A ${ipRight.kind} right cannot support a ${input.infringementType} notice`,
    };
  }
  return undefined;
}

/**
 * Throws when the notice may not be filed (→ 422).
 *
 * @throws DomainRuleError with the reason code and the field at fault.
 */
export function assertNoticeEligible(input: Parameters<typeof noticeEligibilityProblem>[0]): void {
  const problem = noticeEligibilityProblem(input);
  if (problem) {
    throw new DomainRuleError(problem.code, problem.message, [
      { path: problem.path, message: problem.message },
    ]);
  }
}
