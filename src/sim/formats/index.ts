import type { FormatId } from "../vocabulary.js";
import { createBattle } from "./battle.js";
import { createBehindTheScenes } from "./behind-the-scenes.js";
import { createCasual } from "./casual.js";
import { createChallenge } from "./challenge.js";
import type { FormatFactory } from "./format.js";
import { createQa } from "./qa.js";

export type { FormatFactory, StreamFormat } from "./format.js";

/** Every stream format by id. */
export const FORMAT_FACTORIES: Readonly<Record<FormatId, FormatFactory>> = {
  casual: createCasual,
  qa: createQa,
  challenge: createChallenge,
  battle: createBattle,
  "behind-the-scenes": createBehindTheScenes,
};
