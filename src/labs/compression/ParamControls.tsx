/**
 * The Compression lab's controls, bound to its parameter table (ui/ParamControls):
 * labelled from the table's rows, changed only through the setParam command,
 * each with the messages it caused.
 */
import { storeParamControls, type KeysWith } from '../../ui/ParamControls';
import { COMMANDS } from './commands';
import { PARAMS, type Settings } from './params';
import { useLab, useLabContext } from './useLab';

export type NumericKey = KeysWith<Settings, number>;

export const { ParamSlider, ParamNumber, ParamSelect, ParamToggle } = storeParamControls({
  table: PARAMS,
  useStore: useLab,
  useCtx: useLabContext,
  set: COMMANDS.setParam,
  className: 'cz-param',
});
