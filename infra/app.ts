import { App } from 'aws-cdk-lib';
import { StatefulStack } from './stateful-stack.ts';

/** The CDK app: `cdk synth` / `cdk deploy` run this with tsx (see cdk.json). */
const app = new App();
new StatefulStack(app, 'TakedownStateful', {
  description: 'Notice-and-takedown service: table and evidence bucket',
});
app.synth();
