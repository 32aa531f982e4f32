/**
 * CRM.COM status codes this client and the simulator agree on.
 * Only "OK" is documented; the exception names for access tokens are assumed
 * (SPEC.md) and live here alone so they can be corrected against a real server.
 */
export const CRM_OK = 'OK';

export const CrmCode = {
  invalidToken: 'COM.CRM.EXCEPTION.AUTHENTICATION.INVALIDTOKENEXCEPTION',
  invalidCredentials: 'COM.CRM.EXCEPTION.AUTHENTICATION.INVALIDCREDENTIALSEXCEPTION',
  identifierExists: 'COM.CRM.EXCEPTION.ACCESSTOKENS.IDENTIFIERALREADYEXISTSEXCEPTION',
  authenticationCodeExists: 'COM.CRM.EXCEPTION.ACCESSTOKENS.AUTHENTICATIONCODEALREADYEXISTSEXCEPTION',
  tokenNotFound: 'COM.CRM.EXCEPTION.ACCESSTOKENS.ACCESSTOKENNOTFOUNDEXCEPTION',
  definitionViolated: 'COM.CRM.EXCEPTION.ACCESSTOKENS.ACCESSTOKENDEFINITIONVIOLATIONEXCEPTION',
  invalidLifeCycleTransition: 'COM.CRM.EXCEPTION.ACCESSTOKENS.INVALIDLIFECYCLESTATETRANSITIONEXCEPTION',
  participantNotFound: 'COM.CRM.EXCEPTION.REWARDS.REWARDSPARTICIPANTNOTFOUNDEXCEPTION',
  accountNotFound: 'COM.CRM.EXCEPTION.ACCOUNTS.ACCOUNTSRECEIVABLENOTFOUNDEXCEPTION',
  classificationNotFound: 'COM.CRM.EXCEPTION.ACCESSTOKENS.CLASSIFICATIONNOTFOUNDEXCEPTION',
  invalidIdentifier: 'COM.CRM.EXCEPTION.GENERAL.INVALIDIDENTIFIEREXCEPTION',
  mandatoryFieldMissing: 'COM.CRM.EXCEPTION.GENERAL.MANDATORYFIELDMISSINGEXCEPTION',
  /** Modelled on the documented SUBSCRIPTIONS.ATLEASTONEOFTHEFIELDSMUSTBEAMENDEDEXCEPTION. */
  nothingToAmend: 'COM.CRM.EXCEPTION.ACCESSTOKENS.ATLEASTONEOFTHEFIELDSMUSTBEAMENDEDEXCEPTION',
  invalidValue: 'COM.CRM.EXCEPTION.GENERAL.INVALIDVALUEEXCEPTION',
  invalidRequest: 'COM.CRM.EXCEPTION.GENERAL.INVALIDREQUESTEXCEPTION',
  methodNotFound: 'COM.CRM.EXCEPTION.GENERAL.METHODNOTFOUNDEXCEPTION',
  httpMethodNotAllowed: 'COM.CRM.EXCEPTION.GENERAL.HTTPMETHODNOTALLOWEDEXCEPTION',
} as const;

export type CrmCodeName = keyof typeof CrmCode;
export type KnownCrmCode = (typeof CrmCode)[CrmCodeName];

/** Codes that mean "this operation can never succeed as sent". */
export const PERMANENT_CODES: ReadonlySet<string> = new Set<string>([
  CrmCode.identifierExists,
  CrmCode.authenticationCodeExists,
  CrmCode.tokenNotFound,
  CrmCode.definitionViolated,
  CrmCode.invalidLifeCycleTransition,
  CrmCode.participantNotFound,
  CrmCode.accountNotFound,
  CrmCode.classificationNotFound,
  CrmCode.invalidIdentifier,
  CrmCode.mandatoryFieldMissing,
  CrmCode.nothingToAmend,
  CrmCode.invalidValue,
  CrmCode.invalidRequest,
  CrmCode.methodNotFound,
  CrmCode.httpMethodNotAllowed,
  CrmCode.invalidCredentials,
]);
