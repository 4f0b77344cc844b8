const paths: Record<string, string> = {
  desktop: "M3 4h18v12H3zM8 20h8M12 16v4",
  notebook: "M5 5h14v10H5zM2 19h20l-2-4H4z",
  tablet: "M6 2h12a1 1 0 0 1 1 1v18a1 1 0 0 1-1 1H6a1 1 0 0 1-1-1V3a1 1 0 0 1 1-1zM11 18h2",
  smartphone: "M8 2h8a1 1 0 0 1 1 1v18a1 1 0 0 1-1 1H8a1 1 0 0 1-1-1V3a1 1 0 0 1 1-1zM11 18h2",
  unknown:
    "M12 22a10 10 0 1 0 0-20 10 10 0 0 0 0 20z" +
    "M9.5 9a2.5 2.5 0 1 1 3.5 2.3c-.6.3-1 .9-1 1.6V14M12 17h.01",
};

/** The picture of a terminal's icon kind; decorative, the name says the rest. */
export function TerminalIcon({ kind, className = "size-6" }: { kind: string; className?: string }) {
  return (
    <svg
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={1.6}
      strokeLinecap="round"
      strokeLinejoin="round"
      className={className}
      aria-hidden="true"
    >
      <path d={paths[kind] ?? paths.unknown} />
    </svg>
  );
}

export const iconLabels: Record<string, string> = {
  desktop: "Desktop",
  notebook: "Notebook",
  tablet: "Tablet",
  smartphone: "Smartphone",
  unknown: "Other",
};
