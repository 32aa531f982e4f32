import type { SameKeys, Words } from './area';
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

/**
 * Every English text of the app by area: `t('shell.nav.find')`. English is bundled (it is the fallback);
 * the other languages' catalogs are loaded when chosen (`./languages`).
 */
export const english = { shell, words, operators, settings, help, shift, find, issue, pending, token, history, recovery, print, refusals, main, fieldChecks, dialect, problems } satisfies Words;

/** Another language's catalog: every area with every English key. */
export type Catalog = SameKeys<typeof english>;
