/** The Compression lab (#/compression): a Hopfield autoencoder, measured honestly. */
import { sectionedLab } from '../../ui/LabPage';
import type { LabSection } from '../../ui/SectionNav';
import { BytesSection } from './BytesSection';
import { ClaimsSection } from './ClaimsSection';
import { COMMANDS } from './commands';
import { DataSection } from './DataSection';
import { FileSection } from './FileSection';
import { makeLab } from './lab';
import { COMPRESSION_LESSONS } from './lesson';
import { QuerySection } from './QuerySection';
import { RecallSection } from './RecallSection';
import { TrainSection } from './TrainSection';
import { LabRoot, useLabContext } from './useLab';
import './compression.css';

const SECTIONS: readonly LabSection[] = [
  { id: 'cz-data', title: 'The records', short: 'Records', Component: DataSection },
  {
    id: 'cz-train',
    title: 'Train the encoder and decoder',
    short: 'Train',
    Component: TrainSection,
  },
  { id: 'cz-bytes', title: 'Bytes, honestly', short: 'Bytes', Component: BytesSection },
  { id: 'cz-recall', title: 'Recall under noise', short: 'Recall', Component: RecallSection },
  { id: 'cz-query', title: 'Corrupt one query', short: 'One query', Component: QuerySection },
  {
    id: 'cz-claims',
    title: 'The seed’s claims, measured',
    short: 'The claims',
    Component: ClaimsSection,
  },
  { id: 'cz-file', title: 'One file, out and back in', short: 'The file', Component: FileSection },
];

export default sectionedLab({
  Root: LabRoot,
  useCtx: useLabContext,
  make: makeLab,
  commands: COMMANDS,
  className: 'cz-lab',
  title: 'Hopfield autoencoder',
  intro: (
    <p>
      An encoder turns each record into a binary code of K bits, a Hopfield network stores the codes
      and cleans up a corrupted one, and a decoder turns a code back into a record. A project this
      lab comes from claimed 520× compression with 100 % recall. Here the system is built and every
      one of those numbers is measured, in your browser, on data with real structure.
    </p>
  ),
  lesson: { lab: '/compression', lessons: COMPRESSION_LESSONS, yours: 'your settings' },
  sections: SECTIONS,
});
