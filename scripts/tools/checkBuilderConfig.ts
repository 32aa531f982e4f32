import { resolve } from 'node:path';
import { builderPolicyProblems, loadBuilderConfig } from './builderConfig';

/** `npm run builder:check`: electron-builder's schema check of electron-builder.yml, then this project's policy. */
async function main(): Promise<void> {
  const root = resolve(import.meta.dirname, '../..');
  const config = await loadBuilderConfig(root);
  const problems = builderPolicyProblems(config);
  if (problems.length > 0) {
    console.error(`electron-builder.yml breaks the delivery policy:\n- ${problems.join('\n- ')}`);
    process.exit(1);
  }
  console.log('electron-builder.yml: valid for electron-builder 26.17.0, and meets the delivery policy (fuses, targets, signing from the environment).');
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
