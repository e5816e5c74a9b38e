/**
 * Every stream format's parameters by id, in FORMAT_IDS order (the order config.formats is
 * parsed and written in). A new format registers its `<format>-params.ts` here.
 */
import type { ParamGroup } from "../param-group.js";
import type { FormatId } from "../vocabulary.js";
import { battleParams } from "./battle-params.js";
import { behindTheScenesParams } from "./behind-the-scenes-params.js";
import { casualParams } from "./casual-params.js";
import { challengeParams } from "./challenge-params.js";
import { qaParams } from "./qa-params.js";

export const FORMAT_PARAMS = {
  casual: casualParams,
  qa: qaParams,
  challenge: challengeParams,
  battle: battleParams,
  "behind-the-scenes": behindTheScenesParams,
} as const satisfies Record<FormatId, ParamGroup>;
