/**
 * What a plug-in (a stream format, a creator tactic) declares about its parameters: their
 * schema (ranges included) and the reference model's defaults. Each plug-in keeps these beside
 * it in its own `<name>-params.ts`, and the model's config (config.ts) composes them: formats'
 * under `formats`, tactics' under `creators.tactics`.
 */
import type { z } from "zod";

/** A plug-in's parameter schema and its defaults, checked against each other at compile time. */
export interface ParamGroup<Schema extends z.ZodObject = z.ZodObject> {
  readonly schema: Schema;
  readonly defaults: z.infer<Schema>;
}

/** Pairs a plug-in's parameter schema with its defaults (typed so that the defaults must fit the schema). */
export function defineParamGroup<Schema extends z.ZodObject>(schema: Schema, defaults: z.infer<Schema>): ParamGroup<Schema> {
  return { schema, defaults };
}
