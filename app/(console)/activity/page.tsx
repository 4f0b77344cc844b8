import type { Metadata } from "next";
import { describeEvent } from "@/app/_components/describe-event";
import { RelativeTime } from "@/app/_components/relative-time";
import { listEvents } from "@/lib/audit/list-events";
import { requireTerminal } from "@/lib/http/current-terminal";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Activity" };

type Props = { searchParams: Promise<{ before?: string }> };

export default async function ActivityPage({ searchParams }: Props) {
  await requireTerminal("/activity");
  const before = Number((await searchParams).before) || undefined;
  const { events, nextBefore } = await listEvents({ before, limit: 50 });

  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Activity</h1>
        <p className="mt-1 text-sm text-slate-500">
          Pairings, failed attempts, renames, revocations and app changes, newest first.
        </p>
      </div>
      {events.length === 0 ? (
        <p className="text-sm text-slate-500">Nothing has happened yet.</p>
      ) : (
        <ol className="divide-y divide-slate-200 rounded-xl border border-slate-200 bg-white">
          {events.map((event) => (
            <li
              key={event.id}
              className="flex flex-col gap-1 p-4 sm:flex-row sm:items-baseline sm:gap-4"
            >
              <span className="w-32 shrink-0 text-sm text-slate-500">
                <RelativeTime iso={event.at} />
              </span>
              <span className="flex-1">{describeEvent(event)}</span>
              <span className="text-xs text-slate-400">
                {event.terminalName ? `${event.terminalName} · ` : ""}
                {event.clientAddress}
              </span>
            </li>
          ))}
        </ol>
      )}
      {nextBefore && (
        <a href={`/activity?before=${nextBefore}`} className="text-sm font-medium text-accent-700">
          Older events
        </a>
      )}
    </div>
  );
}
