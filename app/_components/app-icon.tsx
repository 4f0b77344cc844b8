/** An app's icon from its catalog entry; decorative, the title says the rest. */
export function AppIcon({ name, className = "size-12" }: { name: string; className?: string }) {
  return (
    // biome-ignore lint/performance/noImgElement: small local SVG files, no optimisation to gain
    <img
      src={`/api/catalog/${encodeURIComponent(name)}/icon`}
      alt=""
      width={48}
      height={48}
      className={`${className} shrink-0 rounded-xl`}
    />
  );
}
