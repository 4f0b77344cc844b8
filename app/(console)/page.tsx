import type { Metadata } from "next";
import { appUrl } from "@/lib/apps/app-url";
import { catalogEntries } from "@/lib/apps/find-catalog-entry";
import { config } from "@/lib/config/config";
import { requireTerminal } from "@/lib/http/current-terminal";
import { stateStore } from "@/lib/state/state-store";
import { Launcher } from "./launcher";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Home" };

export default async function HomePage() {
  await requireTerminal("/");
  const cfg = config();
  const titles = new Map(catalogEntries().map((e) => [e.manifest.name, e.manifest.title]));
  const apps = [...stateStore().snapshot.apps.values()]
    .map((app) => ({
      name: app.name,
      title: titles.get(app.name) ?? app.name,
      state: app.state,
      url: appUrl(app.name, cfg),
    }))
    .sort((a, b) => a.title.localeCompare(b.title));

  return <Launcher initialApps={apps} />;
}
