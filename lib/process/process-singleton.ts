/**
 * The process's one instance of `name`, made by `create` on first use and
 * kept on globalThis. The custom server and each Next.js bundle load their
 * own copy of a module, so a module-level variable would give each its own
 * instance: one logger, one database connection, one state store must be
 * shared by all of them.
 */
export function processSingleton<T>(name: string, create: () => T): T {
  const key = Symbol.for(`portal-core.${name}`);
  const holder = globalThis as { [key: symbol]: T | undefined };
  holder[key] ??= create();

  return holder[key];
}
