
/** The recovery screen, shown instead of the app when the local database cannot be opened. */
export const recovery = {
  damage: {
    newer: 'The local database was written by a newer version of Token Desk, which this version cannot read.',
    full: 'The disk is full, so the local database cannot be opened.',
    incomplete: 'Part of the local database is missing.',
    unreadable: 'The local database is damaged and cannot be read.',
  },
  title: 'Token Desk cannot open its local database',
  reading: 'Looking for unsynced work in the second copy…',
  readFailed: 'The second copy of unsynced work could not be read: {{reason}}',
  none: 'No change waits to be sent to the CRM: the second copy holds none.',
  safe_one: '{{count}} change not yet sent to the CRM is safe in the second copy Token Desk keeps beside the database.',
  safe_other: '{{count}} changes not yet sent to the CRM are safe in the second copy Token Desk keeps beside the database.',
  saved_one: 'Saved {{count}} change to {{path}}.',
  saved_other: 'Saved {{count}} changes to {{path}}.',
  diagnosticsSaved: 'Diagnostics saved to {{path}}.',
  whatToDo: 'What you can do',
  export: 'Export unsynced work to a file',
  exportHint: 'A copy to keep, or to take to another computer.',
  rebuild: 'Rebuild the database from the second copy',
  newerHint: 'Installing the newer version of Token Desk again keeps everything; rebuild only if that cannot be done.',
  rebuildHint:
    'The local database starts empty and the unsynced work is put back in the queue, to be sent once. Tokens are read again from the CRM; this counter’s history, imported definition and name are not in the second copy and start empty.',
  diagnostics: 'Export diagnostics',
  tryAgain: 'Try again',
};
