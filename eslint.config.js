import { kaohe } from '@kaohe/eslint-config';

export default [...kaohe(), { ignores: ['packages/**', 'apps/**', 'tooling/eslint-config/**'] }];
