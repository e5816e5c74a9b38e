/**
 * The scenario's answer in the terminal: its question, then the sentences report.html opens
 * with (the decision sentence, the primary metric's comparisons, each with its paired sentence,
 * and the answer across plausible worlds, worded by the report's own sentence builders), so the
 * terminal and the report say the same thing in the same words. Read from the finished run
 * folder, as the report is, so run, compare, sweep and merge all answer alike.
 */
import { buildComparisons, metricsOfInterest, readHinge, readRunFolder, readWorldsAnswer, reportDecision } from "../report/index.js";

/** Sentences shown at most; the rest of a long sweep is read in the report. */
const SHOWN_SENTENCES = 6;

/**
 * The question and answer sentences of finished run folder `dir` as indented lines, then a
 * blank line to part them from what follows; no lines when the folder has neither.
 */
export function answerLines(dir: string): string[] {
  const data = readRunFolder(dir);
  const [headline] = metricsOfInterest(data);
  const comparisons = buildComparisons(data).filter((comparison) => comparison.metric === headline);
  const shown = comparisons
    .slice(0, SHOWN_SENTENCES)
    .flatMap((comparison) => [`    ${comparison.sentence}`, ...(comparison.pairedSentence === null ? [] : [`      ${comparison.pairedSentence}`])]);
  if (comparisons.length > SHOWN_SENTENCES) shown.push(`    ... and ${comparisons.length - SHOWN_SENTENCES} more comparisons in the report`);
  const worlds = readWorldsAnswer(dir);
  if (worlds !== null) shown.push(...worlds.comparisons.slice(0, SHOWN_SENTENCES).map((comparison) => `    ${comparison.sentence}`));
  const decision = reportDecision(data, comparisons, worlds, readHinge(dir, data.scenario.name));
  const lines = [...(data.scenario.question === "" ? [] : [`  ${data.scenario.question}`]), ...(decision === null ? [] : [`  ${decision}`]), ...shown];
  return lines.length === 0 ? [] : [...lines, ""];
}
