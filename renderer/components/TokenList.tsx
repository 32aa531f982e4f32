import { t } from '../i18n';
import { measureElement, observeElementRect, useVirtualizer, type Rect, type Virtualizer } from '@tanstack/react-virtual';
import { memo, useRef, type KeyboardEvent } from 'react';
import { useAppStore } from '../context';
import type { TokenRow } from '../storage/rows';
import { lifeCycleLabel, syncStatusLabel } from '../labels';
import { forDisplayOrNull } from '../../shared/text/displayText';

const ROW_ESTIMATE = 56;
/** Rows drawn beyond the visible ones; also what a layout-less DOM (tests) gets. */
const OVERSCAN = 10;
/** Until the list has been laid out (or where there is no layout), it draws a screenful of rows. */
const UNMEASURED: Rect = { width: 800, height: 600 };

function observeRect(instance: Virtualizer<HTMLDivElement, Element>, onRect: (rect: Rect) => void) {
  return observeElementRect(instance, (rect) => onRect(rect.height === 0 ? UNMEASURED : rect));
}

function TokenButton({ token, onOpen }: { token: TokenRow; onOpen: (localId: string) => void }) {
  return (
    <button type="button" onClick={() => onOpen(token.localId)}>
      <span className="code">{token.authenticationCode}</span>
      {' · '}
      <span className="identifier">{forDisplayOrNull(token.identifier) ?? t('find.noIdentifier')}</span>
      {' · '}
      <span className={`state state-${token.lifeCycleState}`}>{lifeCycleLabel(token.lifeCycleState)}</span>
      {token.syncStatus === 'synced' ? null : (
        <>
          {' · '}
          <span className="sync">{syncStatusLabel(token.syncStatus)}</span>
        </>
      )}
    </button>
  );
}

const NEXT: Readonly<Record<string, (index: number, count: number) => number>> = {
  ArrowDown: (index, count) => Math.min(count - 1, index + 1),
  ArrowUp: (index) => Math.max(0, index - 1),
  Home: () => 0,
  End: (_index, count) => count - 1,
};

/**
 * Tokens as buttons that open Token detail, in a virtualized list: only the rows in view are in the
 * DOM, whatever the length. Arrow keys, Home and End move between rows. It draws again only when its
 * tokens or label change: a keystroke whose results are still being read leaves it alone. Rows are
 * keyed by position, so a new answer rewrites the text of the rows on screen instead of building
 * new ones, and a row whose height stays is not measured again (its resize observer says if it changes).
 */
export const TokenList = memo(function TokenList({ label, tokens }: { label: string; tokens: readonly TokenRow[] }) {
  const openToken = useAppStore('ui', (state) => state.openToken);
  const scrollRef = useRef<HTMLDivElement>(null);
  // The last row's measured height is the guess for rows not drawn yet: a guess that is off by a pixel
  // (the font decides) would draw the list twice for each new row, once guessed and once measured.
  const typicalRow = useRef(ROW_ESTIMATE);
  // This app does not use the React Compiler; the list simply re-renders with the virtualizer.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: tokens.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => typicalRow.current,
    measureElement: (element, entry, instance) => {
      const size = measureElement(element, entry, instance);
      if (size > 0) typicalRow.current = size;
      return size;
    },
    overscan: OVERSCAN,
    observeElementRect: observeRect,
  });

  const focusRow = (index: number) => {
    virtualizer.scrollToIndex(index);
    const focus = (tries: number) => {
      const button = scrollRef.current?.querySelector<HTMLElement>(`[data-index="${index}"] button`);
      if (button) button.focus();
      else if (tries > 0) requestAnimationFrame(() => focus(tries - 1));
    };
    focus(5);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    const move = NEXT[event.key];
    const row = (event.target as HTMLElement).closest('li');
    if (!move || !row) return;
    event.preventDefault();
    focusRow(move(Number(row.dataset.index), tokens.length));
  };

  return (
    <div ref={scrollRef} className="token-list-scroll">
      <ul aria-label={label} className="token-list" style={{ height: virtualizer.getTotalSize() }} onKeyDown={onKeyDown}>
        {virtualizer.getVirtualItems().map((item) => {
          const token = tokens[item.index];
          if (!token) return null;
          return (
            <li
              key={item.key}
              data-index={item.index}
              ref={virtualizer.measureElement}
              aria-setsize={tokens.length}
              aria-posinset={item.index + 1}
              style={{ transform: `translateY(${item.start}px)` }}
            >
              <TokenButton token={token} onOpen={openToken} />
            </li>
          );
        })}
      </ul>
    </div>
  );
});
