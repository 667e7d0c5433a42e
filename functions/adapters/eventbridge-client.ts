import { EventBridgeClient } from '@aws-sdk/client-eventbridge';

/** The EventBridge client, created once per module (the endpoint comes from the SDK's env handling). */
export const eventBridge = new EventBridgeClient({});
