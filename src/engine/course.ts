/**
 * The course: every lab's lessons in the order the home page lists them,
 * as plain data (no lab code), so the home page shows the course without
 * loading a lab. Each lab's lesson file takes its info from here
 * (`courseLesson`) and defineLesson checks the step count against its steps.
 */
import type { LessonInfo } from './lessons';

/** Every lesson of the course, labs in order. */
export const COURSE: readonly LessonInfo[] = [
  {
    lab: '/hopfield',
    id: 'classic',
    title: 'Store, corrupt, recall',
    summary:
      'Letters stored with the Hebbian rule, recalled from damaged cues, then overloaded with correlated letters and random patterns.',
    teaches:
      'attractors and the falling energy, the inverted attractor −ξ, interference between correlated memories, the pseudo-inverse rule, capacity, why asynchronous updates cannot cycle',
    steps: 9,
  },
  {
    lab: '/capacity',
    id: 'sweeps',
    title: 'Capacity and noise, measured',
    summary:
      'Small sweeps of hundreds of networks: exact recall against the load, the jump past 50 % noise, and Storkey against Hebbian.',
    teaches:
      'the capacity D/(2 ln D) for exact recall, 0.138 D, why noise past one half recalls −ξ, what the Storkey rule buys',
    steps: 6,
  },
  {
    lab: '/modern',
    id: 'regimes',
    title: 'One step, three regimes',
    summary:
      'Real MNIST digits stored in a modern Hopfield network, retrieved from half a digit in one step, with β turned from low to high.',
    teaches:
      'attention as retrieval, the three regimes of β (average, metastable blend, single digit), why the modern network holds far more than the classic one',
    steps: 7,
  },
  {
    lab: '/compression',
    id: 'compression',
    title: 'Every byte counted',
    summary:
      'An autoencoder compresses records to binary codes that a Hopfield network stores; the file is measured against gzip and brotli.',
    teaches: 'binary codes, the stage’s load against capacity, what a compression ratio counts',
    steps: 5,
  },
  {
    lab: '/consolidation',
    id: 'consolidation',
    title: 'The hippocampus teaches the neocortex',
    summary:
      'Digits stored at once as episodes, replayed from noise, and learned by a VAE from the replays alone; then what that VAE does as a memory.',
    teaches:
      'one-shot storage and replay, learning from replays, the latent map, prototypical distortion, few-shot latents against pixels (a tie, as measured), the extended model that stores only the surprise',
    steps: 7,
  },
  {
    lab: '/human',
    id: 'serial',
    title: 'The shape of free recall',
    summary:
      'The context model of free recall (CMR) on lists of words: primacy, recency, the distractor that removes recency, and recall in order.',
    teaches:
      'the serial position curve, recency as context, why a distractor removes it, the lag-CRP',
    steps: 5,
  },
];

/** The course's info of one lesson (throws for a lesson the course does not list). */
export function courseLesson(lab: string, id: string): LessonInfo {
  const info = COURSE.find((l) => l.lab === lab && l.id === id);
  if (!info) throw new Error(`the course has no lesson '${id}' in ${lab}`);
  return info;
}
