"use client";

import { useMemo, useState } from "react";
import { AppIcon } from "../../_components/app-icon";
import { StateBadge } from "../../_components/state-badge";

export type CatalogCard = {
  name: string;
  title: string;
  category: string;
  description: string;
  signsIn: boolean;
  state: string | null;
};

type Props = {
  cards: CatalogCard[];
  categories: string[];
  initialQuery: string;
  initialCategory: string;
};

/** The catalog grid with search and category filters, kept in the URL for sharing and back. */
export function CatalogBrowser({ cards, categories, initialQuery, initialCategory }: Props) {
  const [query, setQuery] = useState(initialQuery);
  const [category, setCategory] = useState(initialCategory);

  const shown = useMemo(() => {
    const words = query.toLowerCase().split(/\s+/).filter(Boolean);

    return cards.filter((card) => {
      if (category && card.category !== category) return false;
      const text = `${card.name} ${card.title} ${card.description} ${card.category}`.toLowerCase();

      return words.every((word) => text.includes(word));
    });
  }, [cards, query, category]);

  function remember(nextQuery: string, nextCategory: string) {
    const params = new URLSearchParams();
    if (nextQuery) params.set("q", nextQuery);
    if (nextCategory) params.set("category", nextCategory);
    const search = params.toString();
    window.history.replaceState(null, "", search ? `/catalog?${search}` : "/catalog");
  }

  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Catalog</h1>
        <p className="mt-1 text-sm text-slate-500">
          Self-hosted apps, one click from running at their own address on your Portal.
        </p>
      </div>

      <div className="flex flex-col gap-3 sm:flex-row sm:items-center">
        <label className="sr-only" htmlFor="catalog-search">
          Search the catalog
        </label>
        <input
          id="catalog-search"
          type="search"
          value={query}
          placeholder="Search apps"
          onChange={(event) => {
            setQuery(event.target.value);
            remember(event.target.value, category);
          }}
          className="w-full rounded-lg border border-slate-300 bg-white px-3 py-2.5 sm:max-w-xs"
        />
        <fieldset className="flex flex-wrap gap-2">
          <legend className="sr-only">Categories</legend>
          {["", ...categories].map((value) => (
            <button
              key={value || "all"}
              type="button"
              aria-pressed={category === value}
              onClick={() => {
                setCategory(value);
                remember(query, value);
              }}
              className={[
                "rounded-full border border-slate-300 bg-white px-3 py-1 text-sm capitalize",
                "text-slate-700 aria-pressed:border-accent-600 aria-pressed:bg-accent-600",
                "aria-pressed:text-white",
              ].join(" ")}
            >
              {value || "All"}
            </button>
          ))}
        </fieldset>
      </div>

      <p className="sr-only" aria-live="polite">
        {shown.length === 1 ? "1 app" : `${shown.length} apps`}
      </p>
      {shown.length === 0 ? (
        <p
          className={[
            "rounded-xl border border-dashed",
            "border-slate-300 p-8 text-center text-slate-500",
          ].join(" ")}
        >
          No app matches. Try another word or category.
        </p>
      ) : (
        <ul aria-label="Apps" className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          {shown.map((card) => (
            <li key={card.name}>
              <a
                href={`/catalog/${card.name}`}
                className={[
                  "flex h-full gap-4 rounded-xl border border-slate-200 bg-white p-4 shadow-sm",
                  "hover:border-accent-500",
                ].join(" ")}
              >
                <AppIcon name={card.name} />
                <div className="min-w-0 flex-1">
                  <div className="flex flex-wrap items-center gap-2">
                    <h2 className="font-semibold">{card.title}</h2>
                    {card.state && <StateBadge state={card.state} />}
                  </div>
                  <p className="mt-1 text-sm text-slate-600">{card.description}</p>
                  <p className="mt-2 text-xs text-slate-500">
                    <span className="capitalize">{card.category}</span>
                    {card.signsIn && " · opens signed in"}
                    {card.state && <span className="sr-only"> · installed</span>}
                  </p>
                </div>
              </a>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
