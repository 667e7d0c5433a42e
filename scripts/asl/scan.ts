import { choose, invoke, type State, type States } from './builders.ts';

/** Listings per batch: one Lambda invocation screens this many (well under 256 KiB of input). */
export const SCAN_BATCH_SIZE = 200;
/** Batches screened at once. */
export const SCAN_CONCURRENCY = 10;

/**
 * A distributed Map over a catalogue export in S3: the item reader reads it (JSON Lines or CSV
 * with a header row), the batcher hands `SCAN_BATCH_SIZE` listings at a time to the
 * ScreenCatalogueBatch task, which screens them and adds to the scan's counts. The batches'
 * results are dropped (`ResultPath: null`): counts live on the scan item, so the execution's
 * output stays small however large the catalogue.
 */
function scanMap(inputType: 'JSONL' | 'CSV'): State {
  // State names are unique across a machine, its Maps' processors included.
  const screen = `ScreenBatch${inputType === 'CSV' ? 'Csv' : 'JsonLines'}`;
  const done = `${screen}Done`;
  return {
    Type: 'Map',
    Comment: `Screens a ${inputType === 'CSV' ? 'CSV' : 'JSON Lines'} catalogue export in batches.`,
    ItemReader: {
      Resource: 'arn:aws:states:::s3:getObject',
      ReaderConfig:
        inputType === 'CSV'
          ? { InputType: 'CSV', CSVHeaderLocation: 'FIRST_ROW' }
          : { InputType: 'JSONL' },
      Parameters: { 'Bucket.$': '$.bucket', 'Key.$': '$.key' },
    },
    ItemBatcher: {
      MaxItemsPerBatch: SCAN_BATCH_SIZE,
      BatchInput: { 'scanId.$': '$.scanId' },
    },
    MaxConcurrency: SCAN_CONCURRENCY,
    // A failing batch (after its retries) does not end a scan of millions; too many do.
    ToleratedFailurePercentage: 5,
    ItemProcessor: {
      ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'EXPRESS' },
      StartAt: screen,
      States: {
        [screen]: invoke(
          'ScreenCatalogueBatch',
          { v: 1, 'scanId.$': '$.BatchInput.scanId', 'items.$': '$.Items' },
          '$.result',
          done,
        ),
        [done]: { Type: 'Pass', Result: {}, End: true },
      },
    },
    ResultPath: null,
    Catch: [{ ErrorEquals: ['States.ALL'], ResultPath: '$.failure', Next: 'Failed' }],
    Next: 'Completed',
  };
}

/** A catalogue scan (input `{v, scanId, bucket, key, format: 'jsonl' | 'csv'}`), named by the scan id. */
export function scanDefinition(): Record<string, unknown> {
  const S: States = {};
  S.ChooseFormat = choose('$.format', { jsonl: 'ScanJsonLines', csv: 'ScanCsv' }, 'UnknownFormat');
  S.UnknownFormat = {
    Type: 'Pass',
    Result: { Error: 'UnknownFormat', Cause: 'format is neither jsonl nor csv' },
    ResultPath: '$.failure',
    Next: 'Failed',
  };
  S.ScanJsonLines = scanMap('JSONL');
  S.ScanCsv = scanMap('CSV');
  S.Completed = invoke(
    'FinishCatalogueScan',
    { v: 1, 'scanId.$': '$.scanId', outcome: 'completed' },
    '$.finished',
    'Done',
  );
  S.Failed = invoke(
    'FinishCatalogueScan',
    { v: 1, 'scanId.$': '$.scanId', outcome: 'failed', 'failure.$': '$.failure' },
    '$.finished',
    'Done',
  );
  S.Done = { Type: 'Succeed' };
  return {
    Comment:
      'A catalogue scan: every listing of a catalogue export in S3 screened against the active rules and the stay-down fingerprints (issue 18).',
    StartAt: 'ChooseFormat',
    States: S,
  };
}
