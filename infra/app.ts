import { App } from 'aws-cdk-lib';
import { addTakedownService } from './service.ts';

/** The CDK app: `cdk synth` / `cdk deploy` run this with tsx (see cdk.json). */
const app = new App();
addTakedownService(app);
app.synth();
