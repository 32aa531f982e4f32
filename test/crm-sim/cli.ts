import { parseCliOptions, USAGE, UsageError } from './cliOptions';
import { API_BASE } from './simHttp';
import { startCrmSim, type CrmSimOptions } from './simulator';

/** `npm run crm-sim`: the simulator with demo data, until SIGINT or SIGTERM. */

async function main(): Promise<void> {
  let options: CrmSimOptions;
  try {
    options = parseCliOptions(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`crm-sim: ${error.message.replaceAll(/\s*\n\s*/g, ' ')} (${USAGE})\n`);
    process.exit(2);
  }
  const sim = await startCrmSim(options);
  process.stdout.write(
    [
      `CRM.COM simulator listening on ${sim.url} (profile ${sim.profile.name}, dialect ${options.dialect ?? 'guessed'})`,
      `API base URL: ${sim.url}${API_BASE}`,
      `Control URL: ${sim.controlUrl} (GET /state, POST /switches, POST /expire-sessions)`,
      'Demo login: username demo, password demo, organisation DEMO',
      'Press Ctrl+C to stop.',
      '',
    ].join('\n'),
  );
  const shutDown = (): void => {
    void sim.close().then(() => process.exit(0));
  };
  process.once('SIGINT', shutDown);
  process.once('SIGTERM', shutDown);
}

main().catch((error: unknown) => {
  process.stderr.write(`crm-sim: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
