import { redirect } from "next/navigation";
import { requireTerminal } from "@/lib/http/current-terminal";

export const dynamic = "force-dynamic";

// Until apps can be installed the devices page is the console's front page.
export default async function HomePage() {
  await requireTerminal("/");
  redirect("/devices");
}
