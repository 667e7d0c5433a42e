import { FAN_OUT } from '../../functions/domain/bulk-notice.ts';
import { invoke, type State, type States } from './builders.ts';

/**
 * A bulk notice's fan-out (statemachines/bulk-notice.asl.json): PrepareFanOut normalises the
 * manifest (rows numbered, malformed and repeated rows recorded) into JSON Lines; a distributed Map
 * reads it from S3 (the item reader), in batches of FAN_OUT.batchSize rows, at most
 * FAN_OUT.maxConcurrency child runs at once, each writing and starting its cases at the paced rate
 * (FAN_OUT.startsPerSecond in all); FinishFanOut records the end and sends the one summary.
 *
 * A batch that keeps failing fails the Map (no tolerated failures): its cases already written are
 * started by the reconciler, and the notice stays `fanning_out`, with the failure on the
 * execution for an operator to redrive.
 */
/** A batch is idempotent (see startBatch): any failure is retried before it fails the Map. */
function withBatchRetry(state: State): State {
  return {
    ...state,
    Retry: [
      ...(state.Retry as unknown[]),
      { ErrorEquals: ['States.TaskFailed'], IntervalSeconds: 5, MaxAttempts: 3, BackoffRate: 2 },
    ],
  };
}

export function bulkNoticeDefinition(): Record<string, unknown> {
  const states: States = {
    PrepareFanOut: invoke(
      'PrepareFanOut',
      { v: 1, 'noticeId.$': '$.noticeId', step: 'prepare_fan_out' },
      '$.manifest',
      'FanOut',
    ),
    FanOut: {
      Type: 'Map',
      Label: 'FanOut',
      ItemReader: {
        Resource: 'arn:aws:states:::s3:getObject',
        ReaderConfig: { InputType: 'JSONL' },
        Parameters: { 'Bucket.$': '$.manifest.value.bucket', 'Key.$': '$.manifest.value.key' },
      },
      ItemBatcher: {
        MaxItemsPerBatch: FAN_OUT.batchSize,
        BatchInput: { 'noticeId.$': '$.noticeId' },
      },
      MaxConcurrency: FAN_OUT.maxConcurrency,
      ToleratedFailurePercentage: 0,
      ItemProcessor: {
        ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'EXPRESS' },
        StartAt: 'StartBulkCases',
        States: {
          StartBulkCases: withBatchRetry(
            invoke(
              'StartBulkCases',
              { v: 1, 'noticeId.$': '$.BatchInput.noticeId', 'rows.$': '$.Items' },
              '$.batch',
              'BatchDone',
              { market: true },
            ),
          ),
          BatchDone: { Type: 'Succeed' },
        },
      },
      ResultPath: null,
      Catch: [{ ErrorEquals: ['States.ALL'], ResultPath: '$.fanOutError', Next: 'FinishFanOut' }],
      Next: 'FinishFanOut',
    },
    FinishFanOut: {
      ...invoke(
        'FinishFanOut',
        { v: 1, 'noticeId.$': '$.noticeId', step: 'finish_fan_out' },
        '$.summary',
        'Done',
      ),
    },
    Done: { Type: 'Succeed' },
  };
  return {
    Comment:
      'A bulk notice: one case per distinct listing of its manifest, started at a rate inside the smallest regions’ StartExecution quota',
    StartAt: 'PrepareFanOut',
    States: states,
  };
}
