import {
  awaitInput,
  choose,
  count,
  invoke,
  park,
  parking,
  payload,
  type States,
  timeout,
} from './builders.ts';

/**
 * A case's follow-up (input `{v, caseId, kind, followUpId, appealId?, slaSeconds?}`): an appeal
 * decided by a reviewer, a late counter-notice under the statutory timer, or a withdrawal after
 * the case closed. Named from the case, the kind and the case's follow-up counter. It ends by
 * marking the follow-up finished, so the case may take the next.
 */
export function redressDefinition(): Record<string, unknown> {
  const S: States = {};
  S.Start = {
    Type: 'Pass',
    Comment: 'Starts the counters that keep step keys unique.',
    Result: { n: 0 },
    ResultPath: '$.parks',
    Next: 'StartEscalations',
  };
  S.StartEscalations = {
    Type: 'Pass',
    Result: { n: 0 },
    ResultPath: '$.escalations',
    Next: 'RouteKind',
  };
  S.RouteKind = choose(
    '$.kind',
    { appeal: 'AwaitAppeal', counter_notice: 'CounterNoticeReceived', withdrawal: 'Withdraw' },
    'Finish',
  );
  S.AwaitAppeal = awaitInput(
    'appeal',
    "States.Format('appeal#{}#{}', $.followUpId, $.escalations.n)",
    '$.slaSeconds',
    'RouteAppeal',
    [timeout('AppealOverdue'), park('AwaitAppeal')],
    { queue: 'appeals', extra: { 'appealId.$': '$.appealId' }, resultPath: '$.appealDecision' },
  );
  S.AppealOverdue = invoke(
    'RaiseOverdue',
    payload('overdue', {
      kind: 'appeal',
      'stepKey.$': "States.Format('appeal_overdue#{}#{}', $.followUpId, $.escalations.n)",
    }),
    '$.overdue',
    'AppealRewait',
    { parkedAt: 'AwaitAppeal' },
  );
  S.AppealRewait = {
    Type: 'Pass',
    Comment:
      'The appeal went past its SLA: alarm, then wait again in the appeals queue for the overdue interval, never for the spent deadline.',
    InputPath: '$.overdue.value.waitSeconds',
    ResultPath: '$.slaSeconds',
    Next: 'CountAppealWait',
  };
  S.CountAppealWait = count('escalations', 'AwaitAppeal');
  S.RouteAppeal = choose('$.appealDecision.type', { withdraw: 'Withdraw' }, 'ApplyAppealDecision');
  S.ApplyAppealDecision = invoke(
    'ApplyAppealDecision',
    payload('appeal_decision', { 'appealId.$': '$.appealId', 'decision.$': '$.appealDecision' }),
    '$.applied',
    'RouteRemedy',
    { parkedAt: 'ApplyAppealDecision' },
  );
  S.RouteRemedy = choose(
    '$.applied.value.next',
    { restore: 'RestoreOnAppeal', reopen: 'Reopen' },
    'Finish',
  );
  S.RestoreOnAppeal = invoke(
    'RestoreListing',
    payload('restore', { 'appeal.$': '$.appealDecision' }),
    '$.restored',
    'Finish',
    { market: true, parkedAt: 'RestoreOnAppeal' },
  );
  S.Reopen = invoke(
    'ReopenCase',
    payload('reopen', { 'appealId.$': '$.appealId', 'decision.$': '$.appealDecision' }),
    '$.reopened',
    'Finish',
    { parkedAt: 'Reopen' },
  );
  S.CounterNoticeReceived = invoke(
    'CounterNoticeReceived',
    payload('counter_notice_received'),
    '$.counter',
    'RouteByMode',
    { parkedAt: 'CounterNoticeReceived' },
  );
  S.RouteByMode = choose(
    '$.counter.value.next',
    { withdraw: 'Withdraw', await_court_action: 'AwaitCourtAction' },
    'ParkAtCounterNoticeReceived',
  );
  S.AwaitCourtAction = awaitInput(
    'court_action',
    "States.Format('court_action#{}', $.followUpId)",
    '$.counter.value.waitSeconds',
    'RouteCourtAction',
    [timeout('Restore'), park('AwaitCourtAction')],
  );
  S.RouteCourtAction = choose('$.input.type', { withdraw: 'Withdraw' }, 'CloseUpheldPendingCourt');
  S.Restore = invoke('RestoreListing', payload('restore'), '$.restored', 'AfterRestore', {
    market: true,
    parkedAt: 'Restore',
  });
  S.AfterRestore = choose(
    '$.restored.value.next',
    { court_action: 'CloseUpheldPendingCourt' },
    'Finish',
  );
  S.CloseUpheldPendingCourt = invoke(
    'CloseCase',
    payload('close', { outcome: 'upheld_pending_court' }),
    '$.closed',
    'Finish',
    { parkedAt: 'CloseUpheldPendingCourt' },
  );
  S.Withdraw = invoke('WithdrawCase', payload('withdraw'), '$.withdrawn', 'Finish', {
    market: true,
    parkedAt: 'Withdraw',
  });
  S.Finish = invoke(
    'FinishFollowUp',
    payload('finish_follow_up', { 'followUpId.$': '$.followUpId' }),
    '$.finished',
    'Done',
  );
  S.Done = { Type: 'Succeed' };
  Object.assign(
    S,
    parking(
      [
        'AwaitAppeal',
        'ApplyAppealDecision',
        'RestoreOnAppeal',
        'Reopen',
        'CounterNoticeReceived',
        'AwaitCourtAction',
        'Restore',
        'CloseUpheldPendingCourt',
        'Withdraw',
      ],
      'Withdraw',
    ),
  );
  return {
    Comment:
      "A case's follow-up: an appeal, a late counter-notice or a withdrawal after closure, so that nothing waits months inside the case's own execution. JSONPath only. Generated from scripts/asl/redress.ts (npm run gen:asl).",
    StartAt: 'Start',
    States: S,
  };
}
