import { dialect } from './areas/dialect';
import { fieldChecks } from './areas/fieldChecks';
import { find } from './areas/find';
import { help } from './areas/help';
import { history } from './areas/history';
import { issue } from './areas/issue';
import { main } from './areas/main';
import { operators } from './areas/operators';
import { pending } from './areas/pending';
import { print } from './areas/print';
import { problems } from './areas/problems';
import { recovery } from './areas/recovery';
import { refusals } from './areas/refusals';
import { settings } from './areas/settings';
import { shell } from './areas/shell';
import { shift } from './areas/shift';
import { token } from './areas/token';
import { words } from './areas/words';

/** Every text of the app by area: `t('shell.nav.find')`. */
const AREAS = { shell, words, operators, settings, help, shift, find, issue, pending, token, history, recovery, print, refusals, main, fieldChecks, dialect, problems };

type Areas = typeof AREAS;

export const catalog = {
  en: Object.fromEntries(Object.entries(AREAS).map(([name, words]) => [name, words.en])) as { [K in keyof Areas]: Areas[K]['en'] },
  el: Object.fromEntries(Object.entries(AREAS).map(([name, words]) => [name, words.el])) as { [K in keyof Areas]: Areas[K]['el'] },
};
