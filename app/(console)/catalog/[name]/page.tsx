import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AppIcon } from "@/app/_components/app-icon";
import { StateBadge } from "@/app/_components/state-badge";
import { findCatalogEntry } from "@/lib/apps/find-catalog-entry";
import { isGeneratedSecret } from "@/lib/catalog/settings";
import { requireTerminal } from "@/lib/http/current-terminal";
import { stateStore } from "@/lib/state/state-store";
import { InstallForm } from "./install-form";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ name: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const entry = findCatalogEntry((await params).name);

  return { title: entry?.manifest.title ?? "App" };
}

export default async function CatalogEntryPage({ params }: Props) {
  const { name } = await params;
  await requireTerminal(`/catalog/${name}`);
  const entry = findCatalogEntry(name);
  if (!entry) notFound();

  const { manifest } = entry;
  const installed = stateStore().snapshot.apps.get(name);
  const rules = [...manifest.access].sort((a, b) => a.prefix.localeCompare(b.prefix));
  const fields = manifest.settings
    .filter((setting) => !isGeneratedSecret(setting))
    .map((setting) => ({
      key: setting.key,
      label: setting.label,
      description: setting.description ?? "",
      type: setting.type,
      required: setting.required,
      options: setting.options ?? [],
      // A secret's default is never sent to the browser.
      defaultValue: setting.type === "secret" ? "" : String(setting.default ?? ""),
    }));
  const generated = manifest.settings.filter(isGeneratedSecret).map((s) => s.label);

  return (
    <div className="grid gap-8 lg:grid-cols-[1fr_20rem]">
      <div className="space-y-6">
        <a href="/catalog" className="text-sm text-accent-700">
          ← Catalog
        </a>
        <div className="flex items-center gap-4">
          <AppIcon name={name} className="size-16" />
          <div>
            <h1 className="text-2xl font-semibold tracking-tight">{manifest.title}</h1>
            <p className="text-sm text-slate-500">
              {`Version ${manifest.version} · `}
              <span className="capitalize">{manifest.category}</span> ·{" "}
              <a
                href={manifest.homepage}
                className="text-accent-700 underline"
                rel="noreferrer"
                target="_blank"
              >
                Homepage
              </a>
            </p>
          </div>
        </div>
        <p className="text-slate-700">{manifest.longDescription}</p>

        <section
          aria-labelledby="access-title"
          className="rounded-xl border border-slate-200 bg-white p-4"
        >
          <h2 id="access-title" className="font-semibold">
            Who can reach it
          </h2>
          <ul className="mt-2 space-y-1 text-sm">
            {rules.map((rule) => (
              <li key={rule.prefix} className="flex gap-2">
                <span
                  className={
                    rule.access === "public"
                      ? "font-medium text-amber-700"
                      : "font-medium text-slate-700"
                  }
                >
                  {rule.access === "public" ? "Public" : "Private"}
                </span>
                <span className="text-slate-600">
                  {rule.prefix === "" ? "everything else" : <code>{rule.prefix}</code>}
                </span>
              </li>
            ))}
          </ul>
          <p className="mt-3 text-sm text-slate-500">
            {manifest.auth.kind === "header"
              ? "Your paired devices open it signed in as you; there is no login screen."
              : "It has no login of its own; only your paired devices can open its private parts."}
          </p>
        </section>
      </div>

      <aside className="space-y-4">
        {installed ? (
          <div className="rounded-xl border border-slate-200 bg-white p-4">
            <p className="flex items-center gap-2 text-sm">
              Installed <StateBadge state={installed.state} />
            </p>
            <a
              href={`/apps/${name}`}
              className={[
                "mt-3 block rounded-lg bg-accent-600 px-4 py-2.5 text-center font-semibold",
                "text-white",
              ].join(" ")}
            >
              Manage {manifest.title}
            </a>
          </div>
        ) : (
          <InstallForm name={name} title={manifest.title} fields={fields} generated={generated} />
        )}
      </aside>
    </div>
  );
}
