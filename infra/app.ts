import { App } from 'aws-cdk-lib';
import { ensureWebBuild } from '../web/build.ts';
import { addTakedownService } from './service.ts';

/** The CDK app: `cdk synth` / `cdk deploy` run this with tsx (see cdk.json). */
// The web stack deploys web/dist: build it when web/ changed, so a deploy ships the current app.
await ensureWebBuild((line) => console.error(line));
const app = new App();
addTakedownService(app);
app.synth();
