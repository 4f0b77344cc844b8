import type { Metadata } from "next";
import { requireTerminal } from "@/lib/http/current-terminal";
import { listTerminals } from "@/lib/terminals/list-terminals";
import { DevicesView } from "./devices-view";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Devices" };

export default async function DevicesPage() {
  const terminal = await requireTerminal("/devices");
  const terminals = await listTerminals(terminal.id);

  return <DevicesView initialTerminals={terminals} />;
}
