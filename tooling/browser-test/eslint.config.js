import { kaohe } from '@kaohe/eslint-config';

export default kaohe({ root: import.meta.dirname });
