import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** Where `npm run synth` writes the cloud assembly. */
export const CDK_OUT = join(resolve(import.meta.dirname, '..'), 'cdk.out');

export type TemplateResource = {
  Type: string;
  Properties: { Code?: { S3Key?: unknown }; Description?: string };
};

/** The synthesized template of every stack of the app, from cdk.out's manifest, in its order. */
export function synthesizedTemplates(): {
  stackName: string;
  resources: Record<string, TemplateResource>;
}[] {
  const manifest = JSON.parse(readFileSync(join(CDK_OUT, 'manifest.json'), 'utf8')) as {
    artifacts: Record<string, { type: string; properties?: { templateFile?: string } }>;
  };
  return Object.entries(manifest.artifacts)
    .filter(([, artifact]) => artifact.type === 'aws:cloudformation:stack')
    .map(([stackName, artifact]) => {
      const template = JSON.parse(
        readFileSync(join(CDK_OUT, artifact.properties!.templateFile!), 'utf8'),
      ) as { Resources: Record<string, TemplateResource> };
      return { stackName, resources: template.Resources };
    });
}
