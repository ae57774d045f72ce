// The two schemes of the carried-result tests: a safety assessment whose sanctions carry points
// onto a composite assessment (form 42).
import { ruleSetHeader } from '@kaohe/test-utils';

export const SAFETY = ruleSetHeader({
  id: 'safety',
  title: '安全生产考核',
  year: 2024,
  edition: 2,
  points: 100,
  inputs: [
    { id: 's', label: '安全工作得分', unit: 'number' },
    { id: 'major', label: '发生重大事故', unit: 'yesno' },
  ],
  sections: [
    {
      code: '一',
      title: '安全工作',
      points: 100,
      items: [{ code: '1', title: '安全工作', points: 100, rule: { kind: 'expr', score: 's' } }],
    },
  ],
  sanctions: [
    {
      id: 'major_veto',
      level: 'veto',
      when: 'major',
      reason: { zh: '发生重大安全事故', en: 'a major accident' },
      carries: { to: 'composite', input: 'safety_cut', amount: -10 },
    },
    {
      id: 'low',
      level: 'notice',
      when: 'total < 60',
      reason: { zh: '安全考核低于60分', en: 'safety below 60' },
      carries: { to: 'composite', input: 'safety_cut', amount: '-(60 - total) * 0.5' },
    },
  ],
});

export const COMPOSITE = ruleSetHeader({
  id: 'composite',
  title: '综合考核',
  year: 2024,
  edition: 1,
  points: 100,
  inputs: [
    { id: 'work', label: '工作得分', unit: 'number' },
    { id: 'safety_cut', label: '安全生产结转', unit: 'number', source: 'carried', from: 'safety' },
  ],
  sections: [
    {
      code: '一',
      title: '工作',
      points: 100,
      items: [{ code: '1', title: '工作', points: 100, rule: { kind: 'expr', score: 'work' } }],
    },
    {
      code: '二',
      title: '其他考核结转',
      points: 0,
      items: [
        {
          code: '1',
          title: '安全生产',
          points: 0,
          min: 'none',
          rule: { kind: 'expr', score: 'safety_cut' },
        },
      ],
    },
  ],
});
