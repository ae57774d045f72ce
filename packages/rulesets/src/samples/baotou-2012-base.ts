// A unit that meets every Baotou 2012 requirement: the starting point of the sample cohort and
// of the generator. Figures are decimal strings as a sheet delivers them; yes/no are booleans.
import type { InputValue } from '@kaohe/engine';

/** Inputs for which baotou-2012.json asks for evidence (佐证材料). */
export const BAOTOU_EVIDENCE_INPUTS: readonly string[] = [
  'pop_consistent',
  'defect_funds',
  'defect_mechanism',
  'prepreg_group',
  'prepreg_plan',
  'srb_in_plan',
  'srb_group',
  'srb_mechanism',
  'liangfei_campaign',
  'reform_mechanisms',
  'happy_family',
  'fp_budget_county',
  'fp_budget_township',
  'only_child_reward',
  'sterilization_reward',
  'reward_separate_budget',
  'matching_funds',
  'benefit_innovation',
  'info_funds',
  'info_comparisons',
  'float_in_plan',
  'float_agency',
  'float_funding',
  'float_equal_docs',
  'petition_mechanism',
  'assistant_subsidy',
  'assoc_civil_service',
  'milk_program',
  'assoc_insurance_budget',
  'station_standard',
  'quality_service',
  'illegal_birth_campaign',
  'integrity_demo',
  'defect_budget',
  'defect_monitoring',
  'preconception_risk',
  'prepreg_resources',
  'liangfei_outcome',
  'liangfei_rules',
  'liangfei_funds',
  'pregnancy_mgmt',
  'late_abortion_approval',
  'prenatal_service',
  'float_yipanqi',
  'brand_status',
  'coop_meetings',
  'float_rights',
];

/** Evidence supplied for every input that needs it. Frozen: shared by many units. */
export const FULL_EVIDENCE: Readonly<Record<string, boolean>> = Object.freeze(
  Object.fromEntries(BAOTOU_EVIDENCE_INPUTS.map((id) => [id, true])),
);

/** Evidence supplied for all but `missing`. */
export function evidenceWithout(...missing: string[]): Record<string, boolean> {
  return Object.fromEntries(BAOTOU_EVIDENCE_INPUTS.map((id) => [id, !missing.includes(id)]));
}

/**
 * Every requirement met (150 points, no bonus): population 500 000, county 560 and township
 * 720 (10 000 yuan) = 11.2 + 14.4 = 25.6 yuan a head; last year's sex ratio 106.1 (no reduction
 * required); petitions 55 → 40 (−27.27 %).
 */
export function baotouBaseValues(): Record<string, InputValue> {
  return {
    birth_rate: '7.50',
    pop_consistent: true,
    policy_rate: '96.20',
    defect_funds: true,
    defect_mechanism: true,
    prepreg_group: true,
    prepreg_plan: true,
    srb_in_plan: true,
    srb_group: true,
    srb_mechanism: true,
    sex_ratio: '105.40',
    sex_ratio_prev: '106.10',
    liangfei_campaign: true,
    reform_mechanisms: '2',
    happy_family: true,
    fp_budget_county: '560',
    fp_budget_township: '720',
    pop_total: '500000',
    fp_growth: '12.5',
    revenue_growth: '9.8',
    only_child_reward: true,
    sterilization_reward: true,
    reward_separate_budget: false,
    reward_accuracy: '100',
    payment_timeliness: '100',
    matching_funds: true,
    benefit_innovation: true,
    info_funds: true,
    info_coverage: '97.20',
    info_comparisons: '4',
    float_in_plan: true,
    float_agency: true,
    float_funding: '200',
    float_pop: '80000',
    float_equal_docs: true,
    petitions: '40',
    petitions_prev: '55',
    major_enforcement_case: false,
    petition_mechanism: true,
    assistant_subsidy: true,
    major_petition_case: false,
    assoc_civil_service: true,
    milk_program: true,
    assoc_insurance_budget: true,
    station_standard: true,
    station_functions: true,
    quality_service: true,
    contraceptive_channels: true,
    fee_filing_rate: '100',
    illegal_birth_campaign: true,
    integrity_demo: true,
    defect_budget: true,
    primary_prevention: true,
    defect_monitoring: true,
    highrisk_followup: '96.50',
    preconception_risk: true,
    prepreg_resources: true,
    prepreg_coverage: '86.00',
    liangfei_outcome: 'effective',
    liangfei_rules: true,
    liangfei_funds: true,
    liangfei_duties: true,
    pregnancy_mgmt: true,
    late_abortion_approval: true,
    data_sharing: true,
    prenatal_service: true,
    float_yipanqi: true,
    float_women: '6000',
    float_assistants: '14',
    float_reports_on_time: '3',
    float_report_errors: '0',
    brand_status: 'on-time',
    float_info_system: true,
    coop_meetings: '2',
    float_rights: true,
  };
}

/** The same, shared and read-only. */
export const BAOTOU_BASE_VALUES: Readonly<Record<string, InputValue>> =
  Object.freeze(baotouBaseValues());
