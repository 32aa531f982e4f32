/**
 * The help panel's words (F1), kept together so they can be translated as a whole. Each step is a
 * whole sentence: never put together from pieces.
 */
export interface HelpTopic {
  title: string;
  steps: readonly string[];
}

export const HELP_TITLE = 'Help at the counter';
export const HELP_INTRO = 'The flows of the counter, step by step. Press Esc to close this help.';
export const HELP_CLOSE = 'Close help';

export const HELP_TOPICS: readonly HelpTopic[] = [
  {
    title: 'Scan',
    steps: [
      'Scan a card, a key fob or a slip on any screen.',
      'The token opens on its own. If it is not on this counter yet, Token Desk asks the CRM for it.',
      'To type a code instead, press F2 and type it into Find.',
    ],
  },
  {
    title: 'Issue a token',
    steps: [
      'Press F3 to open Issue.',
      'Fill in the participant, the identifier and the pass code, or leave them empty when the customer has none.',
      'Press Ctrl+Enter to save. The token is saved at once, even offline.',
      'Press Ctrl+P to print the slip for the customer.',
    ],
  },
  {
    title: 'Hand out a stock token',
    steps: [
      'Press F6 to open Stock and choose Hand out a stock token.',
      'Give the customer an identifier and a pass code if they want one, then save.',
      'Stock works offline. It refills at each sync, or when you press Refill now.',
    ],
  },
  {
    title: 'Switch a token',
    steps: [
      'Open the token by scanning it or from Find.',
      'Use the Effective switch and confirm. The change is queued and sent at the next sync.',
    ],
  },
  {
    title: 'Settle Pending',
    steps: [
      'Press F4 to open Pending. Changes the CRM refused are listed first, each with its reason.',
      'Fix the value and send it again, or keep the value the CRM has.',
      'Only a manager can discard a refused change. A clerk can ask a manager to approve it with their PIN.',
      'Press F5 to sync now.',
    ],
  },
  {
    title: 'Close the shift',
    steps: [
      'Press F9 to see the end-of-shift summary for each operator and for the whole counter.',
      'Print it or export it as CSV if you need a copy.',
      'Press Close shift. It is recorded in the audit log and you are signed out.',
    ],
  },
];
