import { type CaseRecord, getCase, getItem } from '../../adapters/case-store.ts';
import { keys } from '../../adapters/keys.ts';
import type { TimelineActor } from '../../domain/case.ts';

export const WORKFLOW_ACTOR: TimelineActor = { role: 'system', id: 'workflow' };

/** Reads the case a task acts on; a missing case is a hard failure (the workflow parks it). */
export async function loadCase(caseId: string): Promise<CaseRecord> {
  const record = await getCase(caseId);
  if (!record) {
    const error = new Error(`case ${caseId} not found`);
    error.name = 'CaseNotFound';
    throw error;
  }
  return record;
}

export interface NoticeRecord {
  noticeId: string;
  rightsHolderId: string;
  ipRightId: string;
  explanation: string;
  evidenceIds: string[];
  testBuy?: { orderId: string; reportEvidenceId: string };
  createdAt: string;
}

export interface RightsHolderRecord {
  rightsHolderId: string;
  legalName: string;
  email: string;
  status: 'pending_verification' | 'verified' | 'rejected';
  country?: string;
  suspendedUntil?: string;
  trusted?: boolean;
}

export interface IpRightItem {
  ipRightId: string;
  rightsHolderId: string;
  kind: 'trademark' | 'copyright' | 'patent' | 'design';
  title: string;
  registrationNumber?: string;
  jurisdiction: 'US' | 'CN' | 'EU';
  owner: string;
  validUntil?: string;
  status: 'pending_verification' | 'verified' | 'rejected';
}

export const loadNotice = (noticeId: string) => getItem<NoticeRecord>(keys.notice(noticeId));
export const loadRightsHolder = (id: string) => getItem<RightsHolderRecord>(keys.rightsHolder(id));
export const loadIpRight = (id: string) => getItem<IpRightItem>(keys.ipRight(id));

/** Whether the rights holder asked to withdraw the case (the workflow honours it at its next step). */
export function withdrawalRequested(record: CaseRecord): boolean {
  return record.withdrawalRequestedAt !== undefined;
}
