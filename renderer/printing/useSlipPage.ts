import { useLayoutEffect, type RefObject } from 'react';
import { useTranslation } from '../i18n';
import type { PrintSettings } from '../storage/meta';
import { applySlipPage, forgetSlipPage, slipPage } from './slipPage';

/**
 * Lays the printed page out for what `ref` shows (a slip, the end-of-shift summary) as it is now: as
 * wide as the paper, as long as it is, and again whenever it resizes. `settings`: undefined while they load.
 */
export function useSlipPage(ref: RefObject<HTMLElement | null>, settings: PrintSettings | undefined): void {
  const { i18n } = useTranslation();
  const { language } = i18n;
  const { paper, shopName, instructions } = settings ?? {};
  useLayoutEffect(() => {
    const shown = ref.current;
    if (!shown || paper === undefined || shopName === undefined || instructions === undefined) return;
    const layout = { paper, shopName, instructions, language };
    const apply = () => applySlipPage(slipPage(paper, shown.getBoundingClientRect().height), layout);
    apply();
    const observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(apply);
    observer?.observe(shown);
    return () => {
      observer?.disconnect();
      forgetSlipPage();
    };
  }, [ref, paper, shopName, instructions, language]);
}
