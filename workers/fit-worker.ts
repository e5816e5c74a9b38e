/** piscina worker entry for `giftsim calibrate`: runs batches of a calibration's simulations (src/fit/simulate.ts). */
import { workerData } from "piscina";
import { runFitTask, type FitContext, type FitTask } from "../src/fit/simulate.js";

const context = workerData as FitContext;

export default function runTask(task: FitTask) {
  return runFitTask(context, task);
}
