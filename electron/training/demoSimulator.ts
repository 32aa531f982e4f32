import demoData from '../../test/crm-sim/demo-data.json';
import { parseSimData } from '../../test/crm-sim/simData';
import { startCrmSim } from '../../test/crm-sim/simulator';
import type { StartTrainingSimulator } from './trainingMode';

/**
 * The CRM simulator with its demo data (participants, stock, classifications, a definition), on
 * free loopback ports. The only file that knows where the simulator lives.
 */
export const startTrainingSimulator: StartTrainingSimulator = () => startCrmSim({ data: parseSimData(demoData, 'the demo data') });
