import type { ReactNode } from "react";
import { config } from "@/lib/config/config";
import { currentTerminal } from "@/lib/http/current-terminal";
import { ConsoleNav } from "../_components/console-nav";

export const dynamic = "force-dynamic";

// Each page checks the session itself (it knows its own path for the return
// trip); the shell only draws the frame around a paired visitor.
export default async function ConsoleLayout({ children }: { children: ReactNode }) {
  const terminal = await currentTerminal();
  if (!terminal) return children;

  return (
    <div className="min-h-dvh">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:p-3">
        Skip to content
      </a>
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-5xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
          <a href="/" className="flex items-center gap-2 font-semibold">
            <span
              className="grid size-8 place-items-center rounded-lg bg-accent-600 text-white"
              aria-hidden="true"
            >
              P
            </span>
            <span>{config().domain}</span>
          </a>
          <ConsoleNav />
          <p className="ml-auto hidden text-sm text-slate-500 sm:block">
            This device: <span className="font-medium text-slate-700">{terminal.name}</span>
          </p>
        </div>
      </header>
      <main id="main" className="mx-auto max-w-5xl px-4 py-6 sm:py-10">
        {children}
      </main>
    </div>
  );
}
