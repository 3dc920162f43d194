/**
 * The Human memory lab's controls, bound to its parameter table
 * (ui/ParamControls): a slider, a number field or a select per setting,
 * labelled from the table (a CMR parameter with its symbol from the paper,
 * typeset with KaTeX, and CMR's own step), changed only through the
 * setParam command, with the setting's own messages beside it.
 */
import { CMR_PARAMS, type CmrParamGroup, type CmrParamKey } from '../../models/human/cmrParams';
import { TeX } from '../../ui/Math';
import { storeParamControls, type KeysWith } from '../../ui/ParamControls';
import { COMMANDS } from './commands';
import { PARAMS, type Settings } from './params';
import { useLab, useLabContext } from './useLab';

const CMR_INFO = new Map(CMR_PARAMS.map((p) => [p.key as string, p]));

/** The settings that are numbers (the ones a slider can set). */
export type NumericKey = KeysWith<Settings, number>;

export const { ParamSlider, ParamNumber, ParamSelect } = storeParamControls({
  table: PARAMS,
  useStore: useLab,
  useCtx: useLabContext,
  set: COMMANDS.setParam,
  className: 'hm-param',
  label: (key) => {
    const cmr = CMR_INFO.get(key);
    return (
      cmr && (
        <>
          <TeX tex={cmr.symbol} /> <span className="hm-param-name">{key}</span>
        </>
      )
    );
  },
  step: (key) => CMR_INFO.get(key)?.step,
});

/** The seed as a number field (a slider over a million values would be no use). */
export const SeedField = () => <ParamNumber name="seed" />;

export const DistractorSelect = () => (
  <ParamSelect
    name="distractor"
    labels={{
      none: 'None: immediate recall',
      delayed: 'Delayed: a distractor before recall',
      continuous: 'Continuous: a distractor after every item',
    }}
  />
);

const GROUP_TITLES: Record<CmrParamGroup, string> = {
  drift: 'Context drift',
  learning: 'Learning',
  retrieval: 'Retrieval',
  place: 'Place',
  emotion: 'Emotion (eCMR)',
};

/** Sliders for every CMR parameter of the given groups, under their group's title. */
export function CmrSliders({ groups }: { groups: readonly CmrParamGroup[] }) {
  return (
    <>
      {groups.map((g) => (
        <fieldset key={g} className="hm-group">
          <legend>{GROUP_TITLES[g]}</legend>
          {CMR_PARAMS.filter((p) => p.group === g).map((p) => (
            <ParamSlider key={p.key} name={p.key as CmrParamKey} />
          ))}
        </fieldset>
      ))}
    </>
  );
}
