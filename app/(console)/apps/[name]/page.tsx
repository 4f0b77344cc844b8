import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AppIcon } from "@/app/_components/app-icon";
import { appUrl } from "@/lib/apps/app-url";
import { findCatalogEntry } from "@/lib/apps/find-catalog-entry";
import { requireTerminal } from "@/lib/http/current-terminal";
import { stateStore } from "@/lib/state/state-store";
import { AppControl } from "./app-control";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ name: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: (await params).name };
}

export default async function AppPage({ params }: Props) {
  const { name } = await params;
  await requireTerminal(`/apps/${name}`);
  const installed = stateStore().snapshot.apps.get(name);
  const entry = findCatalogEntry(name);
  if (!installed && !entry) notFound();

  const title = entry?.manifest.title ?? name;
  const url = appUrl(name);

  return (
    <div className="space-y-6">
      <a href="/" className="text-sm text-accent-700">
        ← Home
      </a>
      <div className="flex items-center gap-4">
        <AppIcon name={name} className="size-16" />
        <div className="min-w-0">
          <h1 className="text-2xl font-semibold tracking-tight">{title}</h1>
          <p className="truncate text-sm text-slate-500">{url}</p>
        </div>
      </div>
      <AppControl name={name} title={title} url={url} initialState={installed?.state ?? null} />
    </div>
  );
}
