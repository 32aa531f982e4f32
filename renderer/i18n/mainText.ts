import type { MainWords } from '../../shared/ipc/mainWords';
import { i18n } from './i18n';

/** A count of minutes in the chosen language, with its unit ("5 minutes", "5 λεπτά"). */
function minutesText(minutes: number): string {
  return new Intl.NumberFormat(i18n.language, { style: 'unit', unit: 'minute', unitDisplay: 'long' }).format(minutes);
}

/** What main said (a code and its data), in the clerk's language. */
export function mainText(words: MainWords): string {
  switch (words.code) {
    case 'managerOnly':
      return i18n.t(`main.managerOnly.${words.task}`);
    case 'needsApproval':
      return i18n.t(`main.needsApproval.${words.action}`);
    default: {
      const { code, ...data } = words;
      return i18n.t(`main.${code}`, 'minutes' in data ? { ...data, minutes: minutesText(data.minutes) } : data);
    }
  }
}
