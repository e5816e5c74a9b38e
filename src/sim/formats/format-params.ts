/**
 * What a stream format declares about its parameters: their schema (ranges included) and the
 * reference model's defaults. Each format keeps these in its own `<format>-params.ts`, and the
 * model's config (config.ts) composes them under `formats`.
 */
import type { z } from "zod";

/** A format's parameter schema and its defaults, checked against each other at compile time. */
export interface FormatParams<Schema extends z.ZodObject = z.ZodObject> {
  readonly schema: Schema;
  readonly defaults: z.infer<Schema>;
}

/** Pairs a format's parameter schema with its defaults (typed so that the defaults must fit the schema). */
export function defineFormatParams<Schema extends z.ZodObject>(schema: Schema, defaults: z.infer<Schema>): FormatParams<Schema> {
  return { schema, defaults };
}
