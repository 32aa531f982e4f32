import { parseArgs } from 'node:util';
import { loadSimData, type SimData } from './simData';
import { SIM_DIALECTS, SIM_PROFILES } from './simProfile';
import type { CrmSimOptions } from './simulator';

/** The flags of `npm run crm-sim -- --port 8787 [--control-port 8788] [--latency-ms N] [--data path.json]`. */

export const USAGE =
  'usage: npm run crm-sim -- [--port 8787] [--control-port PORT+1] [--latency-ms N] [--data path.json] [--profile r5|r13] [--dialect guessed|renamed]';
export const DEFAULT_PORT = 8787;
const MAX_PORT = 65_535;

/** A bad flag or data file: one line on stderr and exit code 2. */
export class UsageError extends Error {}

function whole(name: string, text: string | undefined, fallback: number, max: number): number {
  if (text === undefined) return fallback;
  const value = /^\d+$/.test(text) ? Number(text) : NaN;
  if (!Number.isSafeInteger(value) || value > max) throw new UsageError(`--${name} must be a whole number from 0 to ${max}, not "${text}"`);
  return value;
}

function dataFrom(path: string | undefined): SimData | undefined {
  if (path === undefined) return undefined;
  try {
    return loadSimData(path);
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

const FLAGS = {
  port: { type: 'string' },
  'control-port': { type: 'string' },
  'latency-ms': { type: 'string' },
  data: { type: 'string' },
  profile: { type: 'string' },
  dialect: { type: 'string' },
} as const;

interface Flags {
  port?: string;
  'control-port'?: string;
  'latency-ms'?: string;
  data?: string;
  profile?: string;
  dialect?: string;
}

function oneOf<T extends string>(name: string, value: string | undefined, allowed: readonly T[]): T | undefined {
  if (value === undefined) return undefined;
  const found = allowed.find((a) => a === value);
  if (found === undefined) throw new UsageError(`--${name} must be one of ${allowed.join(', ')}, not "${value}"`);
  return found;
}

function parseFlags(args: string[]): Flags {
  try {
    return parseArgs({ args, options: FLAGS, strict: true, allowPositionals: false }).values;
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

/** Defaults: port 8787, control port = port + 1, no latency, demo data. */
export function parseCliOptions(args: string[]): CrmSimOptions {
  const values = parseFlags(args);
  const port = whole('port', values.port, DEFAULT_PORT, MAX_PORT);
  const controlPort = whole('control-port', values['control-port'], port === 0 ? 0 : port + 1, MAX_PORT);
  if (controlPort > MAX_PORT) throw new UsageError(`--port ${port} leaves no room for the control port; give --control-port`);
  return {
    port,
    controlPort,
    switches: { latencyMs: whole('latency-ms', values['latency-ms'], 0, 600_000) },
    data: dataFrom(values.data),
    profile: oneOf('profile', values.profile, SIM_PROFILES),
    dialect: oneOf('dialect', values.dialect, SIM_DIALECTS),
  };
}
