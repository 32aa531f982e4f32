import type { Logger, LogFields } from '../../electron/logging/logger';

export interface LoggedLine {
  level: 'info' | 'warn' | 'error';
  message: string;
  fields?: LogFields;
}

/** A logger that keeps what it was told. */
export function memoryLogger(): Logger & { lines: LoggedLine[] } {
  const lines: LoggedLine[] = [];
  const at = (level: LoggedLine['level']) => (message: string, fields?: LogFields) => {
    lines.push({ level, message, fields });
  };
  return { lines, info: at('info'), warn: at('warn'), error: at('error') };
}

/** Lets queued promise callbacks run. */
export async function settle(): Promise<void> {
  for (let i = 0; i < 5; i += 1) await new Promise((r) => setImmediate(r));
}
