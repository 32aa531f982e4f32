import { redactText, redactValue, type SecretMask } from './redact';
import type { RotatingLog } from './rotatingLog';
import { errorMessage } from '../errorMessage';

export type LogLevel = 'info' | 'warn' | 'error';
export type LogFields = Record<string, unknown>;

export interface Logger {
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
}

export interface FileLogger extends Logger {
  readonly log: RotatingLog;
  /** The last lines written, already redacted. */
  recentLines(count: number): Promise<string[]>;
  flush(): Promise<void>;
}

export interface FileLoggerOptions {
  mask?: SecretMask;
  now?: () => Date;
  /** Also print each line (the Electron main process's stdout). */
  mirror?: (level: LogLevel, line: string) => void;
}

/** One line per event: time, level, message and JSON fields, every part redacted before it is written. */
export function formatLine(at: Date, level: LogLevel, message: string, fields: LogFields | undefined, mask?: SecretMask): string {
  const head = `${at.toISOString()} ${level.toUpperCase().padEnd(5)} ${redactText(message, mask)}`;
  if (!fields || Object.keys(fields).length === 0) return head;
  return `${head} ${redactText(JSON.stringify(redactValue(fields, mask)), mask)}`;
}

export function createFileLogger(log: RotatingLog, options: FileLoggerOptions = {}): FileLogger {
  const now = options.now ?? (() => new Date());
  const write = (level: LogLevel) => (message: string, fields?: LogFields) => {
    let line: string;
    try {
      line = formatLine(now(), level, message, fields, options.mask);
    } catch {
      line = formatLine(now(), level, message, { fields: 'not serialisable' }, options.mask);
    }
    options.mirror?.(level, line);
    void log.append(line);
  };
  return {
    log,
    info: write('info'),
    warn: write('warn'),
    error: write('error'),
    recentLines: async (count) => (await log.recentLines(count)).map((line) => redactText(line, options.mask)),
    flush: () => log.flush(),
  };
}

/** Says the cause of a failure without its stack. */
export function describeError(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : errorMessage(error);
}
