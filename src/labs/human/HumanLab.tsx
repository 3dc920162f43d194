/** The Human memory lab (#/human): free recall with CMR, next to the visitor's own memory. */
import { sectionedLab } from '../../ui/LabPage';
import { COMMANDS } from './commands';
import { makeLab } from './lab';
import { HUMAN_LESSONS } from './lesson';
import { SECTIONS } from './sections';
import { LabRoot, useLabContext } from './useLab';
import './human.css';

export default sectionedLab({
  Root: LabRoot,
  useCtx: useLabContext,
  make: makeLab,
  commands: COMMANDS,
  className: 'hm-lab',
  title: 'Human memory',
  intro: (
    <p>
      How do people remember a list of words? The context maintenance and retrieval model (CMR;
      Polyn, Norman &amp; Kahana 2009) says: each word is bound to a slowly drifting mental context,
      and recall uses the context as a cue. Every curve here is computed by CMR as you watch, and in
      the memory game your own recalls are scored the same way.
    </p>
  ),
  lesson: {
    lab: '/human',
    lessons: HUMAN_LESSONS,
    yours: 'your settings (your game rounds stay as they are)',
  },
  sections: SECTIONS,
});
