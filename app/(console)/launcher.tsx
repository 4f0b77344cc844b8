"use client";

import { useEffect, useState } from "react";
import { AppIcon } from "../_components/app-icon";
import { StateBadge } from "../_components/state-badge";

type LauncherApp = { name: string; title: string; state: string; url: string };

/** The home screen: every installed app, one tap from opening, with its state kept live. */
export function Launcher({ initialApps }: { initialApps: LauncherApp[] }) {
  const [apps, setApps] = useState(initialApps);

  useEffect(() => {
    const source = new EventSource("/api/events");
    source.addEventListener("apps", (event) => {
      const states = JSON.parse((event as MessageEvent<string>).data) as {
        name: string;
        state: string;
      }[];
      const byName = new Map(states.map((s) => [s.name, s.state]));
      // A newly installed app needs its title and URL: reload for those.
      if (states.some((s) => !initialApps.some((a) => a.name === s.name))) {
        window.location.reload();

        return;
      }
      setApps(
        initialApps
          .filter((app) => byName.has(app.name))
          .map((app) => ({ ...app, state: byName.get(app.name) ?? app.state })),
      );
    });

    return () => source.close();
  }, [initialApps]);

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Your apps</h1>
          <p className="mt-1 text-sm text-slate-500">
            Each opens at its own address, signed in as you.
          </p>
        </div>
        <a
          href="/catalog"
          className={[
            "rounded-lg bg-accent-600 px-4 py-2.5 text-sm font-semibold text-white",
            "hover:bg-accent-700",
          ].join(" ")}
        >
          Add apps
        </a>
      </div>

      {apps.length === 0 ? (
        <div className="rounded-xl border border-dashed border-slate-300 p-10 text-center">
          <p className="text-slate-600">No apps yet.</p>
          <a href="/catalog" className="mt-2 inline-block font-medium text-accent-700">
            Browse the catalog
          </a>
        </div>
      ) : (
        <ul
          aria-label="Installed apps"
          className="grid grid-cols-2 gap-4 sm:grid-cols-3 lg:grid-cols-4"
        >
          {apps.map((app) => (
            <li
              key={app.name}
              className={[
                "relative rounded-xl border border-slate-200 bg-white p-4 shadow-sm",
                "hover:border-accent-500",
              ].join(" ")}
            >
              <a
                href={app.url}
                target="_blank"
                rel="noreferrer"
                className={[
                  "flex flex-col items-center gap-3",
                  "text-center after:absolute after:inset-0",
                ].join(" ")}
              >
                <AppIcon name={app.name} className="size-14" />
                <span className="font-medium">{app.title}</span>
                <span className="sr-only">(opens in a new tab)</span>
              </a>
              <div className="mt-2 flex items-center justify-center gap-2">
                <StateBadge state={app.state} />
                <a
                  href={`/apps/${app.name}`}
                  className={[
                    "relative z-10 text-xs",
                    "text-slate-500 underline-offset-2 hover:underline",
                  ].join(" ")}
                  aria-label={`Manage ${app.title}`}
                >
                  Manage
                </a>
              </div>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
