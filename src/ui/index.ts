/**
 * Shared components. `Math` is also exported as `TeX`; import `TeX` in
 * modules that use the global Math object.
 */
export { PatternGrid, type PatternGridProps } from './PatternGrid';
export { Thumbnail, type ThumbnailProps } from './Thumbnail';
export { LineChart, type LineChartProps, type LineSeries, type ChartMarker } from './LineChart';
export { Heatmap, type HeatmapProps, type HeatmapCell, HEATMAP_MAX_PIXELS } from './Heatmap';
export { Math, TeX, type MathProps } from './Math';
export { Help, type HelpProps } from './Help';
export {
  Button,
  Select,
  Slider,
  Toggle,
  type ButtonProps,
  type SelectProps,
  type SliderProps,
  type ToggleProps,
} from './Controls';
export { ProgressBar, type ProgressBarProps } from './ProgressBar';
export { Notice, type NoticeProps } from './Notice';
export type { GridTool } from './gridEditing';
