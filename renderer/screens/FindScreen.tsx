import { useTranslation } from '../i18n';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { PassCodeCheck } from '../components/PassCodeCheck';
import { ShortcutHelp } from '../components/ShortcutHelp';
import { TokenList } from '../components/TokenList';
import { useLiveTokensRead } from '../components/useLiveTokensRead';
import { useAppStore, useServices } from '../context';
import { SEARCH_LIMIT } from '../storage/queries';
import { searchAhead, takeSearch } from '../components/searchAhead';
import { dialogOpen } from '../shortcuts';
import { Screen } from '../components/Screen';
import { fetchOwnerTokens, looksLikeOwnerNumber, type OwnerSearch } from '../sync/crmLookups';

/** Quiet time after typing before the CRM is asked for an owner's tokens. */
const OWNER_LOOKUP_DELAY_MS = 400;

function isEditable(element: Element | null): boolean {
  if (!(element instanceof HTMLElement)) return false;
  if (element instanceof HTMLTextAreaElement || element instanceof HTMLSelectElement || element.isContentEditable) return true;
  return element instanceof HTMLInputElement && !['button', 'submit', 'checkbox', 'radio', 'file'].includes(element.type);
}

export function FindScreen() {
  const { t } = useTranslation();
  return (
    <Screen title={t('find.title')} className="screen-find" focusesOwnControl>
      <SearchBox />
      <Found />
      <div className="find-extras">
        <PassCodeCheck />
        <ShortcutHelp />
      </div>
    </Screen>
  );
}

/**
 * The one input a counter types or scans into; it has the focus whenever Find is shown, and keys typed
 * while nothing editable has the focus come here. Enter opens the token the value names exactly, as a
 * scan does (the app's scanner takes scans before they reach this field).
 */
function SearchBox() {
  const { scans, db, ui } = useServices();
  const setSearch = useAppStore('ui', (state) => state.setSearch);
  const findFocus = useAppStore('ui', (state) => state.findFocus);
  const inputRef = useRef<HTMLInputElement>(null);
  const { t } = useTranslation();

  useEffect(() => {
    inputRef.current?.focus();
    inputRef.current?.select();
  }, [findFocus]);

  // The box holds its own text, so a keystroke does not draw it again (as a controlled input it was:
  // its value set anew and its three texts translated again, about 0.35 ms of a key's 4). The store
  // keeps the text; one changed elsewhere (Esc, F2, Find emptied for the next scan) is written here.
  useEffect(() => {
    const show = ({ search }: { search: string }) => {
      if (inputRef.current && inputRef.current.value !== search) inputRef.current.value = search;
    };
    show(ui.getState());
    return ui.subscribe(show);
  }, [ui]);

  useEffect(() => {
    const onKeyDown = (event: globalThis.KeyboardEvent) => {
      if (event.key.length !== 1 || event.key === ' ' || event.ctrlKey || event.metaKey || event.altKey) return;
      if (isEditable(document.activeElement) || dialogOpen()) return;
      inputRef.current?.focus();
    };
    window.addEventListener('keydown', onKeyDown, true);
    return () => window.removeEventListener('keydown', onKeyDown, true);
  }, []);

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      void scans.getState().enqueue(event.currentTarget.value.trim());
    } else if (event.key === 'ArrowDown') {
      const first = document.querySelector<HTMLElement>('.screen-find .token-list button');
      if (first) {
        event.preventDefault();
        first.focus();
      }
    }
  };

  return (
    <div className="field search-field">
      <label htmlFor="search-tokens">{t('find.searchLabel')}</label>
      <input
        ref={inputRef}
        id="search-tokens"
        type="search"
        defaultValue={ui.getState().search}
        autoFocus
        autoComplete="off"
        spellCheck={false}
        aria-describedby="search-hint"
        placeholder={t('find.placeholder')}
        onChange={(event) => {
          scans.setState({ message: null });
          // A new text shows its first page: that read starts now, while the box is drawn.
          searchAhead(db, event.target.value.trim(), SEARCH_LIMIT);
          setSearch(event.target.value);
        }}
        onKeyDown={onKeyDown}
      />
      <p id="search-hint" className="hint">
        {t('find.hint')}
      </p>
    </div>
  );
}

/** What the typed text finds; only this part of the screen draws again on a keystroke. */
function Found() {
  const query = useAppStore('ui', (state) => state.search).trim();
  return (
    <>
      <OwnerNote query={query} />
      <Results query={query} />
    </>
  );
}

/** The CRM's answer for a number typed in Find, once it came (null while none is asked or due). */
function useOwnerSearch(query: string): { number: string; answer: OwnerSearch | null } | null {
  const services = useServices();
  const [found, setFound] = useState<{ number: string; answer: OwnerSearch | null } | null>(null);
  const asks = looksLikeOwnerNumber(query);
  useEffect(() => {
    if (!asks) return;
    let current = true;
    const timer = setTimeout(() => {
      setFound({ number: query, answer: null });
      void fetchOwnerTokens(services, query).then((answer) => current && setFound({ number: query, answer }));
    }, OWNER_LOOKUP_DELAY_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [services, query, asks]);
  return asks && found?.number === query ? found : null;
}

/**
 * A number may be a participant's or an account's: online the CRM is asked for their tokens, which
 * are cached and so listed below with the rest; this line says what the CRM answered.
 */
function OwnerNote({ query }: { query: string }) {
  const found = useOwnerSearch(query);
  const { t } = useTranslation();
  if (found === null) return null;
  const { number, answer } = found;
  let text = t('find.owner.asking', { number });
  if (answer?.kind === 'unreached') text = t('find.owner.unreached', { number });
  else if (answer?.kind === 'found') text = answer.count === 0 ? t('find.owner.none', { number }) : t('find.owner.found', { number, count: answer.count });
  return (
    <p className="hint" role="status">
      {text}
    </p>
  );
}

/** What the search finds, a page at a time ("Show more"); the recently changed tokens while it is empty. */
function Results({ query }: { query: string }) {
  const { db } = useServices();
  const { t } = useTranslation();
  // Pages shown for this query; a new query starts again at one.
  const [paged, setPaged] = useState({ query, pages: 1 });
  const pages = paged.query === query ? paged.pages : 1;
  const limit = pages * SEARCH_LIMIT;
  // While a new query runs, the last results stay on screen, labelled with the query they answer.
  const found = useLiveTokensRead(db, () => takeSearch(db, query, limit), [query, limit]);
  if (found === undefined) return <p className="empty">{t('find.loading')}</p>;
  const { tokens } = found;
  if (query === '') {
    if (tokens.length === 0) {
      return <p className="empty">{t('find.emptyCounter')}</p>;
    }
    return (
      <>
        <h3>{t('find.recent')}</h3>
        <TokenList label={t('find.recentList')} tokens={tokens} />
      </>
    );
  }
  if (tokens.length === 0) return <p className="empty">{t('find.noMatch')}</p>;
  const more = tokens.length >= limit;
  return (
    <>
      <p className="hint">{more ? t('find.firstMatches', { count: tokens.length, query: found.query }) : t('find.matches', { count: tokens.length, query: found.query })}</p>
      <TokenList label={t('find.results')} tokens={tokens} />
      {more ? (
        <button type="button" onClick={() => setPaged({ query, pages: pages + 1 })}>
          {t('find.showMore')}
        </button>
      ) : null}
    </>
  );
}
