import { randomInt } from "node:crypto";

// No 0/o, 1/l/i: ids are read aloud and typed from paper.
const unambiguous = "23456789abcdefghjkmnpqrstuvwxyz";

/** A random id of `length` characters from an unambiguous alphabet, from the CSPRNG. */
export function randomId(length: number): string {
  let id = "";
  for (let i = 0; i < length; i++) id += unambiguous[randomInt(unambiguous.length)];

  return id;
}
