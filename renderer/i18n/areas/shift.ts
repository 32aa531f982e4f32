
/** End of shift: the summary on screen, on paper, in the CSV and in the audit row. */
export const shift = {
  title: 'End of shift',
  counting: 'Counting the shift…',
  queueNote: 'Still pending and needing attention count the queue as it is now, by who queued each change.',
  print: 'Print summary',
  printFailed: 'The summary did not print. {{reason}} {{then}}',
  export: 'Export summary (CSV)',
  close: 'Close shift',
  confirmTitle: 'Close the shift?',
  confirmText: 'The summary is recorded in the audit log and you are signed out. The next summary starts from now.',
  signOutFailed: 'The shift is closed and recorded, but signing out failed: {{reason}} Use Switch operator to sign out.',
  slip: {
    title: 'End-of-shift summary',
    firstShift: 'This counter has not closed a shift before.',
    since: 'Since {{when}}',
    until: 'Until {{when}}',
    counter: 'Counter: {{name}}',
    takenBy: 'Taken by {{name}}',
  },
  counts: {
    issued: 'Issued',
    handedOut: 'Handed out',
    switched: 'Switched',
    edited: 'Edited',
    stillPending: 'Still pending',
    needingAttention: 'Needing attention',
  },
  counterTotal: 'Whole counter',
  noOperator: 'No operator recorded',
  csv: { since: 'Since', until: 'Until', operator: 'Operator', operatorId: 'Operator ID' },
};
