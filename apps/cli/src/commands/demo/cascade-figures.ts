// The figures the cascade demo's clerks type, by unit id; what each works out to is said beside it
// (the demo's tests check the same by hand). Numbers are typed as a clerk types them, as decimal
// text; yes/no as 是/否 (booleans here, written 是/否 by the codec).
import type { InputValue } from '@kaohe/engine';
import { grassrootsCertification } from '@kaohe/rulesets';

export type Figures = Record<string, InputValue>;

/** A unit the demo fills: id, name, class (when the rules have classes) and its figures. */
export interface DemoUnit {
  id: string;
  name: string;
  class?: string;
  figures: Figures;
}

/** The township, its six villages, the other township of the county and its villages. */
export const TOWNSHIP = { id: 'cgz', name: '城关镇' } as const;
export const OTHER_TOWNSHIP = { id: 'hxx', name: '河西乡' } as const;
export const COUNTY = { id: 'pax', name: '平安县' } as const;
export const VILLAGES = [
  { id: 'v01', name: '东关村' },
  { id: 'v02', name: '西关村' },
  { id: 'v03', name: '南街村' },
  { id: 'v04', name: '北街村' },
  { id: 'v05', name: '河湾村' },
  { id: 'v06', name: '柳树村' },
] as const;
export const OTHER_VILLAGES = [
  { id: 'v07', name: '河西村' },
  { id: 'v08', name: '沙河村' },
  { id: 'v09', name: '杨庄村' },
] as const;

/** The village whose association fails certification, rectifies and passes. */
export const FAILING_VILLAGE = VILLAGES[3];
export const FIRST_ASSESSED_ON = '2012-11-20';
export const REASSESSED_ON = '2012-12-18';

const YESNO = grassrootsCertification.inputs.filter((d) => d.unit === 'yesno').map((d) => d.id);
/** Every clause the grassroots certification checks, with its evidence. */
export const CERTIFICATION_EVIDENCE: Readonly<Record<string, boolean>> = Object.fromEntries(
  grassrootsCertification.inputs.filter((d) => d.evidence).map((d) => [d.id, true]),
);
const met = (groups: string, members: string, population: string, households: string): Figures => ({
  ...Object.fromEntries(YESNO.map((id) => [id, true])),
  member_groups: groups,
  members,
  population,
  liaison_households: households,
});

/** 一.5: members ≥ 8 % of the population; 一.6: households linked ≥ members. */
export const CERTIFICATION: Record<string, Figures> = {
  v01: met('12', '420', '4800', '436'), // 420 ÷ 4800 = 8.75 %
  v02: met('9', '318', '3650', '318'), // 8.71 %
  v03: met('15', '560', '6120', '575'), // 9.15 %
  // 360 ÷ 4800 = 7.5 % < 8 % (一.5) and no member home (三.1): 2 clauses fail.
  v04: { ...met('10', '360', '4800', '360'), member_home: false },
  v05: met('7', '245', '2980', '251'), // 8.22 %
  v06: met('11', '402', '4410', '402'), // 9.12 %
};
/** 北街村 after rectification: 400 ÷ 4800 = 8.33 %, the member home built: every clause met. */
export const RECTIFIED: Figures = { ...met('10', '400', '4800', '400'), member_home: true };

/**
 * The villages' year-end assessment (cascade-village, 100): 一.1 signed 10, 一.2 self-government
 * 10, 二.1 policy rate ≥ 92 % 60 (−5 a point below, pro rata), 三.1 members ≥ 8 % 20 (−5 each
 * started point below). Qualified: 85 or more.
 */
export const VILLAGE_YEAR_END: Record<string, Figures> = {
  v01: { signed: true, self_gov: true, policy_rate: '95.2', members_share: '9.3' }, // 100
  v02: { signed: true, self_gov: true, policy_rate: '93.5', members_share: '8.6' }, // 100
  v03: { signed: true, self_gov: false, policy_rate: '92', members_share: '8' }, // 10+0+60+20 = 90
  // not signed 0 + 10 + (60 − 5 × 1.6 = 52) + (20 − 5 = 15) = 77: not qualified
  v04: { signed: false, self_gov: true, policy_rate: '90.4', members_share: '7.5' },
  v05: { signed: true, self_gov: true, policy_rate: '91', members_share: '8.2' }, // 20+55+20 = 95
  v06: { signed: true, self_gov: true, policy_rate: '92.6', members_share: '9.1' }, // 100
  v07: { signed: true, self_gov: true, policy_rate: '92.8', members_share: '8.4' }, // 100
  v08: { signed: true, self_gov: true, policy_rate: '91.6', members_share: '8.9' }, // 98
  v09: { signed: true, self_gov: true, policy_rate: '93', members_share: '8.1' }, // 100
};
/** The townships' and the county's own figure (the rest is rolled up from below). */
export const TOWNSHIP_OWN: Record<string, Figures> = {
  cgz: { policy_rate: '93.1' },
  hxx: { policy_rate: '90.2' },
};
export const COUNTY_OWN: Figures = { policy_rate: '92.4' };

/** The association's year-end work (association-year-end, 20 points) of four Baotou units:
 *  everything met unless said. */
const ASSOCIATION_BASE: Figures = {
  study_sessions: '2',
  leader_surveys: '1',
  joint_commendation: true,
  president_is_head: true,
  exec_vp_five_elders: true,
  secgen_is_fp_director: true,
  secgen_civil_servant: true,
  assoc_office_staff: true,
  assoc_funds: '12',
  fp_funds: '110',
  funds_separate: true,
  office_space: true,
  leader_allowance: true,
  care_activities: true,
  insurance_service: true,
  village_assocs: '80',
  advanced_assocs: '36',
  backward_assocs: '6',
  eligible_enterprises: '5',
  enterprise_assocs: '5',
  members: '72000',
  population: '800000',
  backbone_members: '22000',
  member_homes: '80',
  autonomy_rate: '90',
  floating_assoc: true,
  publicity_events: '3',
  leadership_failure: false,
};
/** The Baotou units of the composite (their population scores are the sample cohort's). */
export const COMPOSITE_UNITS = ['kdq', 'jyq', 'gyx', 'dmq'] as const;
export const ASSOCIATION: Record<string, Figures> = {
  kdq: ASSOCIATION_BASE, // 20
  jyq: { ...ASSOCIATION_BASE, members: '60000' }, // 7.5 % < 8 %: 七.4 1 − 0.5 = 0.5 → 19.5
  // no joint commendation (一.3 −1), one publicity event short (八.3 0.75 − 0.375 → 0.38): 18.63
  gyx: { ...ASSOCIATION_BASE, joint_commendation: false, publicity_events: '1' },
  dmq: { ...ASSOCIATION_BASE, leader_surveys: '0' }, // no survey: 一.2 −1 → 19
};

/** The quarters (cascade-village-quarterly, 100): 一.1 inspection passed 40, 一.2 policy rate
 *  ≥ 92 % 60 (−5 a point below, pro rata). A failed inspection counts across quarters. */
const q = (passed: boolean, rate: string): Figures => ({
  inspection_passed: passed,
  policy_rate: rate,
});
/** Quarter by quarter (Q1 first), by village. */
export const QUARTERS: Record<string, Figures>[] = [
  {
    v01: q(true, '95'),
    v02: q(true, '93'),
    v03: q(true, '92'),
    v04: q(false, '90'), // 0 + 60 − 5 × 2 = 50, failed once
    v05: q(true, '91.4'), // 40 + 60 − 5 × 0.6 = 97
    v06: q(true, '92'),
  },
  {
    v01: q(true, '94.1'),
    v02: q(true, '92.5'),
    v03: q(false, '92.4'), // 60
    v04: q(false, '91'), // 55, failed twice in a row
    v05: q(true, '92'),
    v06: q(true, '92'),
  },
  {
    v01: q(true, '93.6'),
    v02: q(true, '91.8'), // 40 + 60 − 1 = 99
    v03: q(true, '92.2'),
    v04: q(false, '92'), // 60, the third failure in a row: interview
    v05: q(true, '92.3'),
    v06: q(true, '92'),
  },
  {
    v01: q(true, '95'),
    v02: q(true, '92'),
    v03: q(true, '93'),
    v04: q(true, '93'), // 100, the row broken
    v05: q(true, '92'),
    v06: q(true, '92'),
  },
];
