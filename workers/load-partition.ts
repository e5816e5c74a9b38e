/** Piscina worker entry for `giftsim load --workers W`: one viewer partition per task. */
import { runPartitionTask } from "../src/load/synthetic/partition-task.js";

export default runPartitionTask;
