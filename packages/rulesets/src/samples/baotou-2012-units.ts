// The sample cohort of the demo and the golden tests: the twelve banners, counties and
// districts of Baotou with plausible 2012 figures. Each differs from a fully compliant unit
// (baotou-2012-base.ts) where noted; the expected scores are worked out by hand in
// baotou-2012.test.ts.
import type { InputValue, UnitInput } from '@kaohe/engine';
import { BAOTOU_BASE_VALUES, evidenceWithout, FULL_EVIDENCE } from './baotou-2012-base.ts';

function unit(
  id: string,
  name: string,
  values: Record<string, InputValue>,
  evidence: Readonly<Record<string, boolean>> = FULL_EVIDENCE,
): UnitInput {
  return { id, name, values: { ...BAOTOU_BASE_VALUES, ...values }, evidence: { ...evidence } };
}

export const baotou2012SampleUnits: UnitInput[] = [
  // Everything met; last year's sex ratio 108.4 requires a 10 % cut of the part above 107.
  unit('kdq', '昆都仑区', {
    pop_total: '820000',
    fp_budget_county: '940',
    fp_budget_township: '1100',
    birth_rate: '7.85',
    policy_rate: '95.80',
    sex_ratio: '105.90',
    sex_ratio_prev: '108.40',
  }),
  // Exactly on the boundaries: 92 %, 8 ‰, sex ratio 107, county 9.00 and township 13.00 yuan a head.
  unit('qsq', '青山区', {
    pop_total: '530000',
    fp_budget_county: '477',
    fp_budget_township: '689',
    birth_rate: '8',
    policy_rate: '92',
    sex_ratio: '107',
    sex_ratio_prev: '109.50',
  }),
  // Exactly on the lower boundaries: sex ratio 103, database 95 %, high-risk 95 %, checks 80 %.
  unit('dhq', '东河区', {
    pop_total: '560000',
    fp_budget_county: '600',
    fp_budget_township: '760',
    birth_rate: '7.95',
    policy_rate: '93.10',
    sex_ratio: '103',
    sex_ratio_prev: '106.20',
    info_coverage: '95',
    highrisk_followup: '95',
    prepreg_coverage: '80',
  }),
  // Just past the thresholds: 91.4 %, 8.15 ‰, sex ratio 108.6 (down from 111).
  unit('jyq', '九原区', {
    pop_total: '280000',
    fp_budget_county: '300',
    fp_budget_township: '390',
    birth_rate: '8.15',
    policy_rate: '91.40',
    sex_ratio: '108.60',
    sex_ratio_prev: '111.00',
  }),
  // Missing input: the database coverage was left blank.
  unit('sgq', '石拐区', {
    pop_total: '36000',
    fp_budget_county: '40',
    fp_budget_township: '52',
    info_coverage: null,
  }),
  // Missing evidence: no budget document for the county's own funding.
  unit(
    'byq',
    '白云鄂博矿区',
    {
      pop_total: '27000',
      fp_budget_county: '30',
      fp_budget_township: '38',
    },
    evidenceWithout('fp_budget_county'),
  ),
  // Vetoed: sex ratio 121.4, down from 123 by only 10 % of the part above 107 (12 % required).
  unit('tmtyq', '土默特右旗', {
    pop_total: '360000',
    fp_budget_county: '380',
    fp_budget_township: '480',
    sex_ratio: '121.40',
    sex_ratio_prev: '123.00',
  }),
  // Petitions down only 14.3 %; one reform mechanism with results instead of two.
  unit('gyx', '固阳县', {
    pop_total: '210000',
    fp_budget_county: '220',
    fp_budget_township: '290',
    petitions: '30',
    petitions_prev: '35',
    reform_mechanisms: '1',
  }),
  // Short of funds: 8.6 yuan county, 11.9 township, 20.5 in all, 20 yuan per floating resident.
  unit('dmq', '达尔罕茂明安联合旗', {
    pop_total: '100000',
    fp_budget_county: '86',
    fp_budget_township: '119',
    float_pop: '15000',
    float_funding: '30',
  }),
  // Bonus for separately budgeted rewards; checks 78.5 %, high-risk follow-up 94.2 %.
  unit('xtgx', '稀土高新区', {
    pop_total: '330000',
    fp_budget_county: '420',
    fp_budget_township: '500',
    reward_separate_budget: true,
    prepreg_coverage: '78.50',
    highrisk_followup: '94.20',
  }),
  // No petitions last year (reduction not applicable); brand late, 2 report errors, 1 meeting.
  unit('bhxq', '滨河新区', {
    pop_total: '60000',
    fp_budget_county: '70',
    fp_budget_township: '85',
    petitions: '0',
    petitions_prev: '0',
    brand_status: 'late',
    float_report_errors: '2',
    coop_meetings: '1',
  }),
  // Sex ratio 102.4 below the band; 9 assistants for 5 200 women; fee case filing 97.5 %.
  unit('jsgyy', '金山工业园区', {
    pop_total: '90000',
    fp_budget_county: '95',
    fp_budget_township: '125',
    sex_ratio: '102.40',
    sex_ratio_prev: '104.80',
    float_women: '5200',
    float_assistants: '9',
    fee_filing_rate: '97.5',
  }),
];
