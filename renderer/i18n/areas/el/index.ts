import type { Catalog } from '../../catalog';
import { dialect } from './dialect';
import { fieldChecks } from './fieldChecks';
import { find } from './find';
import { help } from './help';
import { history } from './history';
import { issue } from './issue';
import { main } from './main';
import { operators } from './operators';
import { pending } from './pending';
import { print } from './print';
import { problems } from './problems';
import { recovery } from './recovery';
import { refusals } from './refusals';
import { settings } from './settings';
import { shell } from './shell';
import { shift } from './shift';
import { token } from './token';
import { words } from './words';

/** The Greek catalog, a chunk of its own: loaded only by a counter that speaks Greek. */
export const catalog: Catalog = { shell, words, operators, settings, help, shift, find, issue, pending, token, history, recovery, print, refusals, main, fieldChecks, dialect, problems };
