import { fromEnv } from '@aws-sdk/credential-provider-env';

/**
 * The credentials a function has on Lambda: the runtime puts the execution role's in the
 * environment (`AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY`, `AWS_SESSION_TOKEN`), and the sandbox
 * ends before they expire. The deployed bundles alias the SDK's default chain
 * (`@aws-sdk/credential-provider-node`: SSO, INI files, processes, web identity, container and
 * IMDS providers, with the STS and SSO clients they need) to this module (infra's AppFunction), so
 * none of it is bundled or loaded. Unbundled code (the local cloud, tests) keeps the full chain.
 */
export const defaultProvider = (_init?: unknown) => fromEnv();
