import NextAuth from "next-auth";
import { authOptions } from "@/lib/session/auth-options";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ nextauth: string[] }> };

// GET, POST /api/auth/* – next-auth: CSRF token, pairing sign-in, session.
// Built per request so that nothing reads the data folder at build time.
async function handler(request: Request, context: Context): Promise<Response> {
  return NextAuth(authOptions())(request, context);
}

export { handler as GET, handler as POST };
