
/** Why the app refuses a local change, said where the change was asked for. */
export const refusals = {
  identifierTaken: 'Identifier {{value}} is already used by another token.',
  codeTaken: 'Authentication code {{value}} is already used by another token.',
  notCached: 'This token is not in the local cache.',
  verificationWaiting: 'A verification code for this token is already waiting to be sent; see Pending.',
  identifierUnchanged: 'The identifier is unchanged.',
  passCodeNeedsIdentifier: 'A pass code needs an identifier; set one first.',
  codeUnchanged: 'The authentication code is unchanged.',
  notInStock: 'This token is no longer in stock; pick another.',
  pickStock: 'Pick a stock token to hand out.',
  participantTooLong: 'Participant number must be at most {{max}} characters.',
  typeVerification: 'Type the verification code the customer received.',
  identifierRefused: 'The CRM already refused this identifier.',
  participantRefused: 'The CRM already refused this participant.',
  conflictResolved: 'This conflict is already resolved.',
  noLongerStuck: 'This change no longer needs attention in this way.',
};
