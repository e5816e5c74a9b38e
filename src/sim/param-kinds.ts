/**
 * The kinds of number a simulation parameter is, as zod schemas shared by the model's sections
 * (config.ts) and the stream formats' own parameters (formats/*-params.ts), so that one kind
 * has one range and one message wherever it is used.
 */
import { z } from "zod";

/** A probability or a share, in [0, 1]. */
export const probability = z.number().min(0).max(1);
/** A rate, factor or duration that cannot be negative. */
export const nonNegative = z.number().min(0).max(1e9);
/** A scale or multiplier that must be above 0. */
export const positive = z.number().positive().max(1e9);
/** A log-odds term. */
export const logit = z.number().min(-50).max(50);
/** A whole number of things. */
export const count = z.number().int().min(0);
/** The shape of a beta distribution a viewer trait is drawn from. */
export const beta = z.strictObject({ alpha: z.number().positive().max(1000), beta: z.number().positive().max(1000) });
