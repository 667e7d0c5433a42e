/** A Step Functions API error, answered as the real service does (`__type` and `message`). */
export class SfnApiError extends Error {
  constructor(
    readonly code:
      | 'ExecutionAlreadyExists'
      | 'ExecutionDoesNotExist'
      | 'StateMachineDoesNotExist'
      | 'StateMachineAlreadyExists'
      | 'InvalidArn'
      | 'InvalidName'
      | 'InvalidToken'
      | 'InvalidOutput'
      | 'InvalidExecutionInput'
      | 'InvalidDefinition'
      | 'TaskDoesNotExist'
      | 'TaskTimedOut'
      | 'ValidationException'
      | 'UnknownOperationException'
      | 'ServiceUnavailable',
    message: string,
    readonly status = 400,
  ) {
    super(message);
    this.name = code;
  }
}
