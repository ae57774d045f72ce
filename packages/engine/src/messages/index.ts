export { msgOf } from './text.ts';
export { show, showWithUnit } from './format.ts';
