import { t } from './i18n';

/** The help panel's topics (F1), in the current language; each topic's steps are numbered in the catalog. */
export interface HelpTopic {
  title: string;
  steps: readonly string[];
}

const TOPICS = { scan: 3, issue: 4, handOut: 3, switch: 2, pending: 4, closeShift: 3 } as const;

export function helpTopics(): HelpTopic[] {
  return Object.entries(TOPICS).map(([topic, steps]) => ({
    title: t(`help.${topic}.title`),
    steps: Array.from({ length: steps }, (_, index) => t(`help.${topic}.step${index + 1}`)),
  }));
}
