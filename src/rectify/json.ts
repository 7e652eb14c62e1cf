import type { RectificationList } from './list.js';

/** The full list as JSON (every underlying finding kept); `--previous` reads it back. */
export function formatRectificationJson(list: RectificationList): string {
  return `${JSON.stringify(list, null, 2)}\n`;
}

/** The summary of a list as JSON: problems per branch by severity (the summary file of --split-by). */
export function formatSummaryJson(list: RectificationList): string {
  const { tool, version, lang, unit, asOf, window, previous, summary } = list;
  return `${JSON.stringify({ tool, kind: 'rectification-summary', version, lang, unit, asOf, window, previous, summary }, null, 2)}\n`;
}
