import type { KnownCrmCode } from '../../shared/crm/statusCodes';

/** A refusal the simulated CRM answers with an error envelope (HTTP 200, status.code = code). */
export class CrmError extends Error {
  constructor(
    readonly code: KnownCrmCode,
    message: string,
    readonly description: string = message,
  ) {
    super(message);
    this.name = 'CrmError';
  }
}

export function fail(code: KnownCrmCode, message: string, description?: string): never {
  throw new CrmError(code, message, description);
}
