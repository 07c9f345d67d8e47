// A webhook receiver's check of a Shangliang delivery, written from docs/webhooks.md alone (Standard
// Webhooks): HMAC-SHA256 with the secret's bytes over "<webhook-id>.<webhook-timestamp>.<raw body>",
// compared in constant time with each "v1,<base64>" of webhook-signature; a timestamp more than five
// minutes away from now is refused, so a captured request cannot be replayed later. Node's crypto only.
import { createHmac, timingSafeEqual } from "node:crypto";
import { readFileSync } from "node:fs";

export type Verdict = { valid: true } | { valid: false; reason: string };

export function verifyWebhook(
  secret: string,
  headers: Record<string, string | undefined>,
  rawBody: string,
  nowSeconds: number = Math.floor(Date.now() / 1000),
  toleranceSeconds = 300,
): Verdict {
  const id = headers["webhook-id"];
  const timestamp = headers["webhook-timestamp"];
  const signatures = headers["webhook-signature"];
  if (!id || !timestamp || !signatures) return { valid: false, reason: "missing webhook-id, webhook-timestamp or webhook-signature" };
  if (!/^\d+$/.test(timestamp)) return { valid: false, reason: "webhook-timestamp is not a number of seconds" };
  if (Math.abs(nowSeconds - Number(timestamp)) > toleranceSeconds) return { valid: false, reason: "timestamp outside the tolerance" };
  if (!secret.startsWith("whsec_")) return { valid: false, reason: "secret is not a whsec_ secret" };
  const key = Buffer.from(secret.slice("whsec_".length), "base64");
  const expected = createHmac("sha256", key).update(`${id}.${timestamp}.${rawBody}`, "utf8").digest();
  for (const candidate of signatures.split(" ")) {
    const [version, value] = candidate.split(",", 2);
    if (version !== "v1" || !value) continue;
    const given = Buffer.from(value, "base64");
    if (given.length === expected.length && timingSafeEqual(given, expected)) {
      // The body is the CloudEvent; its id must be the one that was signed.
      const event = JSON.parse(rawBody) as { id?: string };
      return event.id === id ? { valid: true } : { valid: false, reason: "the event id differs from webhook-id" };
    }
  }
  return { valid: false, reason: "no signature matches" };
}

// CLI: node dist-verify/verify-webhook.js cases.json — each case {secret, headers, body, now?}; prints the verdicts as JSON.
const file = process.argv[2];
if (file) {
  const cases = JSON.parse(readFileSync(file, "utf8")) as { secret: string; headers: Record<string, string>; body: string; now?: number }[];
  console.log(JSON.stringify(cases.map((c) => verifyWebhook(c.secret, c.headers, c.body, c.now))));
}
