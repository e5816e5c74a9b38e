export { GIFT, PURCHASE, captureReplayStream } from "./replay-stream.js";
export type { ReplayGifts, ReplayPurchases, ReplaySource, ReplayStream, ReplayStreamOptions } from "./replay-stream.js";
export { checkKeySpace, runReplayLoad } from "./replay-load.js";
export type { ReplayLoadReport, SimulationMatch } from "./replay-load.js";
export { DEFAULT_REPLAY_LOAD, validateReplayHttp, validateReplayLoad } from "./replay-options.js";
export type { ReplayHttpOptions, ReplayLoadOptions } from "./replay-options.js";
export { BATCH_WINDOW_MS, replayHttpTraffic, replayTraffic } from "./replay-traffic.js";
export type { ReplayTiming } from "./replay-options.js";
