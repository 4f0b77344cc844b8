import { handleAuthRequest } from "@/lib/forward-auth/web-handler";

export const dynamic = "force-dynamic";

// ANY /api/internal/auth – the forward-auth decision for the reverse proxy.
// The dedicated listener (PORTAL_AUTH_PORT) answers the same, much faster.
const handle = (request: Request) => handleAuthRequest(request);

export const GET = handle;
export const HEAD = handle;
export const POST = handle;
export const PUT = handle;
export const PATCH = handle;
export const DELETE = handle;
export const OPTIONS = handle;
