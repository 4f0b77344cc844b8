import type { Metadata } from "next";
import { config } from "@/lib/config/config";
import { currentTerminal, requestUserAgent } from "@/lib/http/current-terminal";
import { safeNextTarget } from "@/lib/http/next-target";
import { guessDevice } from "@/lib/terminals/guess-device";
import { PairForm } from "./pair-form";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Pair this device" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function PairPage({ searchParams }: Props) {
  const params = await searchParams;
  const code = typeof params.code === "string" ? params.code.replace(/\D/g, "").slice(0, 12) : "";
  const next = safeNextTarget(
    typeof params.next === "string" ? params.next : null,
    config().portalUrl,
  );
  const suggestion = guessDevice(await requestUserAgent());
  const terminal = await currentTerminal();

  return (
    <main className="mx-auto flex min-h-dvh max-w-md flex-col justify-center px-5 py-10">
      <div className="mb-8 flex items-center gap-3">
        <span
          className="grid size-10 place-items-center rounded-xl bg-accent-600 font-bold text-white"
          aria-hidden="true"
        >
          P
        </span>
        <div>
          <p className="text-sm text-slate-500">{config().domain}</p>
          <h1 className="text-2xl font-semibold tracking-tight">Pair this device</h1>
        </div>
      </div>
      <PairForm
        initialCode={code}
        next={next ?? "/"}
        suggestedName={suggestion.name}
        suggestedIcon={suggestion.icon}
        pairedAs={terminal?.name ?? null}
      />
    </main>
  );
}
