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
 * The case's state machine: one execution per case (per listing), and one more per re-opening
 * (a founded notifier appeal), which starts at the takedown.
 */
export function takedownDefinition(): Record<string, unknown> {
  const S: States = {};
  S.Start = {
    Type: 'Choice',
    Comment:
      'A case re-opened by a founded notifier appeal starts a new execution at the takedown ({caseId, resume, decision}); a parked own-initiative case that draws a counter-notice starts one at its resolution ({caseId, entry: "counter_notice"}).',
    Choices: [
      { Variable: '$.resume', IsPresent: true, Next: 'InitResumed' },
      {
        And: [
          { Variable: '$.entry', IsPresent: true },
          { Variable: '$.entry', StringEquals: 'counter_notice' },
        ],
        Next: 'InitCounterNotice',
      },
    ],
    Default: 'Init',
  };
  /** The execution's state at an entry: the case, fresh counters, and the decision carried in. */
  const init = (next: string, decision: Record<string, unknown>, comment?: string) => ({
    Type: 'Pass',
    ...(comment ? { Comment: comment } : {}),
    Parameters: {
      v: 1,
      'caseId.$': '$.caseId',
      round: { n: 0 },
      escalations: { n: 0 },
      parks: { n: 0 },
      failure: null,
      ...decision,
    },
    Next: next,
  });
  S.InitCounterNotice = init('CounterNoticeReceived', { decision: null });
  S.InitResumed = init('TakeDown', { 'decision.$': '$.decision' });
  S.Init = init(
    'Screen',
    { decision: null },
    'Normalises the execution input (payload version 1: {v, caseId}) and starts the counters that make step keys unique.',
  );
  S.Screen = invoke('ScreenCase', payload('screen'), '$.screen', 'ScreenOutcome', {
    market: true,
    parkedAt: 'Screen',
  });
  S.ScreenOutcome = choose(
    '$.screen.value.next',
    { review: 'AwaitReview', approve: 'ApprovedAutomatically', withdraw: 'Withdraw' },
    'Closed',
  );
  S.ApprovedAutomatically = {
    Type: 'Pass',
    Comment:
      "The policy's automated approval decided (a fast-lane notifier's counterfeit notice with a test-buy report): no human review; a sampled share is audited afterwards.",
    InputPath: '$.screen.value.decision',
    ResultPath: '$.decision',
    Next: 'TakeDown',
  };
  S.AwaitReview = awaitInput(
    'review',
    "States.Format('review#{}', $.round.n)",
    '$.screen.value.windows.reviewSeconds',
    'RouteDecision',
    [timeout('EscalateReview'), park('AwaitReview')],
    { queue: '$.screen.value.reviewQueue', resultPath: '$.decision' },
  );
  S.EscalateReview = awaitInput(
    'escalated_review',
    "States.Format('escalated#{}#{}', $.round.n, $.escalations.n)",
    '$.screen.value.windows.escalatedReviewSeconds',
    'RouteDecision',
    [timeout('EscalationOverdue'), park('EscalateReview')],
    { queue: 'escalated', resultPath: '$.decision' },
  );
  S.EscalationOverdue = invoke(
    'RaiseOverdue',
    payload('overdue', {
      kind: 'escalated_review',
      'stepKey.$': "States.Format('escalation_overdue#{}#{}', $.round.n, $.escalations.n)",
    }),
    '$.overdue',
    'CountEscalation',
    { parkedAt: 'EscalateReview' },
  );
  S.CountEscalation = count('escalations', 'EscalateReview');
  S.RouteDecision = {
    Type: 'Choice',
    Choices: [
      { Variable: '$.decision.type', StringEquals: 'withdraw', Next: 'Withdraw' },
      { Variable: '$.decision.decision', StringEquals: 'approve', Next: 'TakeDown' },
      { Variable: '$.decision.decision', StringEquals: 'reject', Next: 'CloseRejected' },
      { Variable: '$.decision.decision', StringEquals: 'request_info', Next: 'AwaitInfo' },
    ],
    Default: 'ParkAtAwaitReview',
  };
  S.CloseRejected = invoke(
    'CloseCase',
    payload('close', { outcome: 'rejected', 'decision.$': '$.decision' }),
    '$.closed',
    'Closed',
    { parkedAt: 'CloseRejected' },
  );
  S.AwaitInfo = awaitInput(
    'info',
    "States.Format('info#{}', $.round.n)",
    '$.screen.value.windows.infoSeconds',
    'RouteInfo',
    [timeout('CloseAbandoned'), park('AwaitInfo')],
    { extra: { 'decision.$': '$.decision' } },
  );
  S.RouteInfo = choose('$.input.type', { withdraw: 'Withdraw' }, 'CountRound');
  S.CountRound = count('round', 'AwaitReview');
  S.CloseAbandoned = invoke(
    'CloseCase',
    payload('close', { outcome: 'abandoned' }),
    '$.closed',
    'Closed',
    { parkedAt: 'CloseAbandoned' },
  );
  S.TakeDown = invoke('TakeDownListing', payload('take_down'), '$.takedown', 'AfterTakeDown', {
    market: true,
    parkedAt: 'TakeDown',
  });
  S.AfterTakeDown = choose('$.takedown.value.next', { withdraw: 'Withdraw' }, 'RecordStrike');
  S.RecordStrike = invoke('RecordStrike', payload('strike'), '$.strike', 'AfterStrike', {
    parkedAt: 'RecordStrike',
  });
  S.AfterStrike = choose('$.strike.value.next', { withdraw: 'Withdraw' }, 'ApplySellerMeasure');
  S.ApplySellerMeasure = invoke(
    'ApplySellerMeasure',
    payload('measure'),
    '$.measure',
    'NotifyParties',
    { market: true, parkedAt: 'ApplySellerMeasure' },
  );
  S.NotifyParties = invoke(
    'NotifyParties',
    payload('notify', { 'decision.$': '$.decision' }),
    '$.notified',
    'AfterNotify',
    { parkedAt: 'NotifyParties' },
  );
  S.AfterNotify = choose('$.notified.value.next', { withdraw: 'Withdraw' }, 'AwaitCounterNotice');
  S.AwaitCounterNotice = awaitInput(
    'counter_notice',
    "States.Format('counter_notice#{}', $.round.n)",
    '$.notified.value.counterNoticeSeconds',
    'RouteCounterNotice',
    [timeout('CloseUpheld'), park('AwaitCounterNotice')],
  );
  S.RouteCounterNotice = choose('$.input.type', { withdraw: 'Withdraw' }, 'CounterNoticeReceived');
  S.CounterNoticeReceived = invoke(
    'CounterNoticeReceived',
    payload('counter_notice_received'),
    '$.counter',
    'RouteByMode',
    { parkedAt: 'CounterNoticeReceived' },
  );
  S.RouteByMode = choose(
    '$.counter.value.next',
    { withdraw: 'Withdraw', await_court_action: 'AwaitCourtAction', re_review: 'AwaitReReview' },
    'ParkAtCounterNoticeReceived',
  );
  S.AwaitCourtAction = awaitInput(
    'court_action',
    "States.Format('court_action#{}', $.round.n)",
    '$.counter.value.waitSeconds',
    'RouteCourtAction',
    [timeout('Restore'), park('AwaitCourtAction')],
  );
  S.RouteCourtAction = choose('$.input.type', { withdraw: 'Withdraw' }, 'CloseUpheldPendingCourt');
  S.CloseUpheldPendingCourt = invoke(
    'CloseCase',
    payload('close', { outcome: 'upheld_pending_court' }),
    '$.closed',
    'Closed',
    { parkedAt: 'CloseUpheldPendingCourt' },
  );
  S.AwaitReReview = awaitInput(
    're_review',
    "States.Format('re_review#{}', $.escalations.n)",
    '$.counter.value.waitSeconds',
    'RouteReReview',
    [timeout('ReReviewOverdue'), park('AwaitReReview')],
    { queue: 're_review', resultPath: '$.reDecision' },
  );
  S.ReReviewOverdue = invoke(
    'RaiseOverdue',
    payload('overdue', {
      kind: 're_review',
      'stepKey.$': "States.Format('re_review_overdue#{}', $.escalations.n)",
    }),
    '$.overdue',
    'ReReviewRewait',
    { parkedAt: 'AwaitReReview' },
  );
  S.ReReviewRewait = {
    Type: 'Pass',
    Comment:
      'The re-review deadline has passed (it may have passed before the wait opened): wait again for the overdue interval RaiseOverdue returns, never for the spent deadline, so the overdue branch runs once per interval instead of looping.',
    InputPath: '$.overdue.value.waitSeconds',
    ResultPath: '$.counter.value.waitSeconds',
    Next: 'CountReReview',
  };
  S.CountReReview = count('escalations', 'AwaitReReview');
  S.RouteReReview = {
    Type: 'Choice',
    Choices: [
      { Variable: '$.reDecision.type', StringEquals: 'withdraw', Next: 'Withdraw' },
      { Variable: '$.reDecision.decision', StringEquals: 'restore', Next: 'Restore' },
      { Variable: '$.reDecision.decision', StringEquals: 'uphold', Next: 'CloseUpheld' },
    ],
    Default: 'ParkAtAwaitReReview',
  };
  S.Restore = invoke('RestoreListing', payload('restore'), '$.restored', 'AfterRestore', {
    market: true,
    parkedAt: 'Restore',
  });
  S.AfterRestore = choose(
    '$.restored.value.next',
    { court_action: 'CloseUpheldPendingCourt' },
    'Closed',
  );
  S.CloseUpheld = invoke(
    'CloseCase',
    payload('close', { outcome: 'upheld' }),
    '$.closed',
    'Closed',
    { parkedAt: 'CloseUpheld' },
  );
  S.Withdraw = invoke('WithdrawCase', payload('withdraw'), '$.withdrawn', 'Closed', {
    market: true,
    parkedAt: 'Withdraw',
  });
  S.Closed = { Type: 'Succeed' };
  Object.assign(
    S,
    parking(
      [
        'Screen',
        'AwaitReview',
        'EscalateReview',
        'CloseRejected',
        'AwaitInfo',
        'CloseAbandoned',
        'TakeDown',
        'RecordStrike',
        'ApplySellerMeasure',
        'NotifyParties',
        'AwaitCounterNotice',
        'CounterNoticeReceived',
        'AwaitCourtAction',
        'CloseUpheldPendingCourt',
        'AwaitReReview',
        'Restore',
        'CloseUpheld',
        'Withdraw',
      ],
      'Withdraw',
    ),
  );
  return {
    Comment:
      "One execution per case (per listing): screen, human review through task tokens, take down, strike, notify, counter-notice window, restore or uphold, under the case's jurisdiction clock. JSONPath only. Generated layout; edit by hand with care.",
    StartAt: 'Start',
    States: S,
  };
}
