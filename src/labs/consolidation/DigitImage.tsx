/**
 * DigitImage: a 28 x 28 digit with values in [0, 1] (the VAE's pixels: paper
 * 0, ink 1) by default, or in [-1, 1] (range="bipolar", the hippocampus's).
 */
import { GrayImage, type GrayImageProps } from '../../ui/GrayImage';

export function DigitImage({ range = 'unit', size = 56, ...rest }: GrayImageProps) {
  return <GrayImage {...rest} range={range} size={size} />;
}
