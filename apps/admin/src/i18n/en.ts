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
    nextYear: 'Next year',
    nextYearDone: 'Copied as the draft for {{year}}, edition {{edition}}; codes kept.',
  },
};
