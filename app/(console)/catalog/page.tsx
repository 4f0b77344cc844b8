import type { Metadata } from "next";
import { catalogEntries } from "@/lib/apps/find-catalog-entry";
import { CATEGORIES } from "@/lib/catalog/manifest";
import { requireTerminal } from "@/lib/http/current-terminal";
import { stateStore } from "@/lib/state/state-store";
import { CatalogBrowser } from "./catalog-browser";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Catalog" };

type Props = { searchParams: Promise<{ q?: string; category?: string }> };

export default async function CatalogPage({ searchParams }: Props) {
  await requireTerminal("/catalog");
  const params = await searchParams;
  const apps = stateStore().snapshot.apps;
  const cards = catalogEntries().map(({ manifest }) => ({
    name: manifest.name,
    title: manifest.title,
    category: manifest.category,
    description: manifest.description,
    signsIn: manifest.auth.kind === "header",
    state: apps.get(manifest.name)?.state ?? null,
  }));
  const categories = CATEGORIES.filter((c) => cards.some((card) => card.category === c));

  return (
    <CatalogBrowser
      cards={cards}
      categories={categories}
      initialQuery={params.q ?? ""}
      initialCategory={params.category ?? ""}
    />
  );
}
