/** A command's button in this lab (ui/LiveCommandButton, given the lab's context). */
import { labButton } from '../../ui/LiveCommandButton';
import { useLabContext } from './useLab';

export const LabButton = labButton(useLabContext);
