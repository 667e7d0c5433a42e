import { Stack, Validations } from 'aws-cdk-lib';
// Internal to cdk-nag, but it is exactly how AwsSolutions-IAM5 names a resource in a finding id, so
// acknowledgements built with it match the findings they answer.
import { flattenCfnReference } from 'cdk-nag/lib/utils/flatten-cfn-reference.js';
import type { IConstruct } from 'constructs';

/**
 * Acknowledges the AwsSolutions-IAM5 finding for one wildcard resource (e.g. a bucket's objects)
 * on `scope`. The resource must resolve within `scope`'s stack (a local reference or an explicit
 * import), as it does in the finding.
 */
export function acknowledgeWildcard(
  scope: IConstruct,
  resource: string,
  { reason }: { reason: string },
): void {
  const flat = flattenCfnReference(Stack.of(scope).resolve(resource));
  Validations.of(scope).acknowledge({ id: `AwsSolutions-IAM5[Resource::${flat}]`, reason });
}
