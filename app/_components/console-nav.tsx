"use client";

import { usePathname } from "next/navigation";

// Only pages that work are listed; each new page adds itself here.
const links = [
  { href: "/", label: "Home" },
  { href: "/catalog", label: "Catalog" },
  { href: "/devices", label: "Devices" },
  { href: "/activity", label: "Activity" },
];

export function ConsoleNav() {
  const pathname = usePathname();

  return (
    <nav aria-label="Console">
      <ul className="flex gap-1">
        {links.map((link) => {
          const active =
            link.href === "/"
              ? pathname === "/" || pathname.startsWith("/apps/")
              : pathname === link.href || pathname.startsWith(`${link.href}/`);

          return (
            <li key={link.href}>
              <a
                href={link.href}
                aria-current={active ? "page" : undefined}
                className={[
                  "rounded-md px-3 py-2 text-sm font-medium text-slate-600 hover:bg-slate-100",
                  "aria-[current=page]:bg-accent-50 aria-[current=page]:text-accent-700",
                ].join(" ")}
              >
                {link.label}
              </a>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
