import type { Catalogue } from './zh-cn.ts';

export const en: Catalogue = {
  app: {
    title: 'Rule set editor',
    intro:
      'Open last year’s rule set (JSON) or a published edition file, edit next year’s rules and publish them.',
    open: 'Open a rule set or edition file',
    opened: 'Opened {{name}}',
    fromEdition: 'From a published edition (edition {{edition}}; signature not checked here)',
    language: '中文',
  },
  doc: {
    heading: 'Rule set',
    year: 'Year',
    edition: 'Edition',
    issuer: 'Issuer',
    undo: 'Undo',
    redo: 'Redo',
    save: 'Save as file',
    saved: 'Saved as {{name}}.',
    nextYear: 'Next year',
    nextYearDone: 'Copied as the draft for {{year}}, edition {{edition}}; codes kept.',
  },
  outline: {
    heading: 'Indicators',
    pointsOf: '{{points}} (children add up to {{sum}})',
    pointsHint: 'Points; the children’s sum is shown when it differs',
    problems: '{{count}} problem(s)',
  },
  problems: {
    heading: 'Problems',
    count: '{{errors}} error(s), {{warnings}} warning(s)',
    none: 'The engine found no problems.',
    error: 'Error',
    warning: 'Warning',
  },
  item: {
    heading: 'Selected item',
    none: 'Choose a section or an item on the left.',
  },
  json: {
    label: 'JSON (everything in this item)',
    apply: 'Apply',
    invalid: 'Not valid JSON: {{message}}',
    issues: 'Problems in this item',
  },
  draft: {
    autosaved: 'Draft autosaved in this browser',
    offer: 'This browser holds an unfinished draft, {{name}} (saved {{at}}).',
    restore: 'Restore the draft',
    discard: 'Discard',
    restored: 'Draft {{name}} restored.',
    unavailable: 'This browser cannot autosave drafts ({{message}}): save the file yourself.',
  },
};
