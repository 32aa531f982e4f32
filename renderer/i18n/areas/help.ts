
/** The help panel (F1): each step a whole sentence, never put together from pieces. */
export const help = {
  title: 'Help at the counter',
  intro: 'The flows of the counter, step by step. Press Esc to close this help.',
  close: 'Close help',
  scan: {
    title: 'Scan',
    step1: 'Scan a card, a key fob or a slip on any screen.',
    step2: 'The token opens on its own. If it is not on this counter yet, Token Desk asks the CRM for it.',
    step3: 'To type a code instead, press F2 and type it into Find.',
  },
  issue: {
    title: 'Issue a token',
    step1: 'Press F3 to open Issue.',
    step2: 'Fill in the participant, the identifier and the pass code, or leave them empty when the customer has none.',
    step3: 'Press Ctrl+Enter to save. The token is saved at once, even offline.',
    step4: 'Press Ctrl+P to print the slip for the customer.',
  },
  handOut: {
    title: 'Hand out a stock token',
    step1: 'Press F6 to open Stock and choose Hand out a stock token.',
    step2: 'Give the customer an identifier and a pass code if they want one, then save.',
    step3: 'Stock works offline. It refills at each sync, or when you press Refill now.',
  },
  switch: {
    title: 'Switch a token',
    step1: 'Open the token by scanning it or from Find.',
    step2: 'Use the Effective switch and confirm. The change is queued and sent at the next sync.',
  },
  pending: {
    title: 'Settle Pending',
    step1: 'Press F4 to open Pending. Changes the CRM refused are listed first, each with its reason.',
    step2: 'Fix the value and send it again, or keep the value the CRM has.',
    step3: 'Only a manager can discard a refused change. A clerk can ask a manager to approve it with their PIN.',
    step4: 'Press F5 to sync now.',
  },
  closeShift: {
    title: 'Close the shift',
    step1: 'Press F9 to see the end-of-shift summary for each operator and for the whole counter.',
    step2: 'Print it or export it as CSV if you need a copy.',
    step3: 'Press Close shift. It is recorded in the audit log and you are signed out.',
  },
};
