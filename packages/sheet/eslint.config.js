import { kaohe } from '@kaohe/eslint-config';

export default kaohe({ pure: true, root: import.meta.dirname });
