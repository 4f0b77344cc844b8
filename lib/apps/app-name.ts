import { z } from "zod";

/** An app name in a URL: the catalog's name rule, so no path can hide in it. */
export const appNameSchema = z
  .string()
  .regex(/^[a-z][a-z0-9-]{0,30}$/, "is not an app name")
  .refine((name) => !name.endsWith("-"), "is not an app name");
