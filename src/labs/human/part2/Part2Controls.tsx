/**
 * The part's controls, bound to its parameter tables (ui/ParamControls): a
 * slider, a select or a number field per setting, labelled from the table,
 * changed only through the setSetting command, with the setting's messages
 * beside it; a row of check chips; and each section's own message list.
 */
import { runCommand } from '../../../engine/commands';
import { LabMessages } from '../../../ui/LabMessages';
import { storeParamControls } from '../../../ui/ParamControls';
import { PART2_COMMANDS } from './commands';
import { PART2_PARAMS, sectionOfKey, type Part2Key, type SectionName } from './params';
import { usePart2, usePart2Context } from './useLab';

const source = (key: string) => `${sectionOfKey(key as Part2Key)}/setSetting:${key}`;

export const {
  ParamSlider: SettingSlider,
  ParamSelect: SettingSelect,
  ParamNumber: SettingNumber,
  ParamMessages: SettingMessages,
} = storeParamControls({
  table: PART2_PARAMS,
  useStore: usePart2,
  useCtx: usePart2Context,
  set: PART2_COMMANDS.setSetting,
  source,
  testId: (key) => `setting-${key}`,
  className: 'h2-setting',
  selectHelp: false,
});

/** Check chips for a set of choices; `onToggle` runs the command that adds or removes one. */
export function CheckChips({
  legend,
  choices,
  chosen,
  onToggle,
  testId,
}: {
  legend: string;
  choices: readonly { value: string; label: string }[];
  chosen: readonly string[];
  onToggle: (value: string) => void;
  testId?: string;
}) {
  return (
    <fieldset className="h2-chips" data-testid={testId}>
      <legend>{legend}</legend>
      {choices.map((c) => (
        <label
          key={c.value}
          className={chosen.includes(c.value) ? 'h2-chip h2-chip--on' : 'h2-chip'}
        >
          <input
            type="checkbox"
            checked={chosen.includes(c.value)}
            onChange={() => onToggle(c.value)}
          />
          {c.label}
        </label>
      ))}
    </fieldset>
  );
}

/** The section's messages (bad link values, refused actions), newest last. */
export function SectionMessages({ section }: { section: SectionName }) {
  const ctx = usePart2Context();
  const messages = usePart2((s) => s.messages);
  const mine = messages.filter((m) => m.source?.startsWith(`${section}/`));
  if (mine.length === 0) return null;
  return (
    <LabMessages
      messages={mine}
      onDismiss={(id) => runCommand(PART2_COMMANDS.dismissPart2Message, ctx, id)}
    />
  );
}
