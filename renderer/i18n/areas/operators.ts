
/** Signing in, the first manager, and managing operators. */
export const operators = {
  signIn: {
    title: 'Sign in',
    lockedTitle: 'Screen locked',
    locked: '{{name}} was signed in. Enter the PIN to go on, or choose another operator to switch.',
    choose: 'Choose your name and enter your PIN.',
    chooseOrBadge: 'Choose your name and enter your PIN, or scan your badge.',
    pinForm: 'Sign in with a PIN',
    operator: 'Operator',
    option: '{{name}} ({{role}})',
    pin: 'PIN',
    submit: 'Sign in',
    lockedOut: '{{name}} is locked after too many wrong PINs.',
    badgeForm: 'Sign in with a badge',
    badge: 'Badge code',
    badgeHint: 'Scan your badge here.',
    badgeSubmit: 'Sign in with badge',
    pinDigits: 'A PIN is 4 to 12 digits.',
  },
  first: {
    title: 'Create the first manager',
    welcome:
      'Welcome to Token Desk. Every change at this counter names the operator who made it, so the first step is a manager: a name and a PIN. The manager then adds the clerks, changes Settings and can start training mode.',
    name: 'Manager’s name',
    pin: 'New PIN',
    pinHint: '4 to 12 digits.',
    again: 'New PIN again',
    submit: 'Create manager and sign in',
    nameMissing: 'Enter the manager’s name.',
    differ: 'The two PINs differ. Type the same PIN twice.',
  },
};
