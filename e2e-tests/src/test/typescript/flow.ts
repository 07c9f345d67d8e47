// The README flow through TypeScript clients generated from the services' built OpenAPI documents
// (openapi-typescript types + openapi-fetch). Run by GeneratedClientsE2ETest against the running
// platform; URLs and tokens come from the environment. Exits non-zero on the first broken step.
// Compiling it is a check too: fields a response always has are used here as present (strict mode).
import createClient from "openapi-fetch";
import { randomUUID } from "node:crypto";
import type { paths as TopicsPaths, components as TopicsSchemas } from "./generated/topics.js";
import type { paths as SessionsPaths } from "./generated/sessions.js";
import type { paths as FollowupPaths } from "./generated/followup.js";

const env = (name: string): string => {
  const v = process.env[name];
  if (!v) throw new Error(`${name} is not set`);
  return v;
};
const as = (token: string) => ({ Authorization: `Bearer ${token}` });
const topicsAs = (token: string) => createClient<TopicsPaths>({ baseUrl: env("TOPICS_URL"), headers: as(token) });
const sessionsAs = (token: string) => createClient<SessionsPaths>({ baseUrl: env("SESSIONS_URL"), headers: as(token) });
const followupAs = (token: string) => createClient<FollowupPaths>({ baseUrl: env("FOLLOWUP_URL"), headers: as(token) });

function check(condition: unknown, what: string): asserts condition {
  if (!condition) throw new Error(`flow step failed: ${what}`);
}

async function until<T>(what: string, probe: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const found = await probe();
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error(`timed out: ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const village = env("VILLAGE");
const villager = topicsAs(env("VILLAGER_TOKEN"));
const organizerTopics = topicsAs(env("ORGANIZER_TOKEN"));
const organizerSessions = sessionsAs(env("ORGANIZER_TOKEN"));
const staffCases = followupAs(env("STAFF_TOKEN"));

// 1. The villager's topic, accepted by the street's organizer with If-Match.
const submitted = await villager.POST("/api/v1/topics", {
  params: { header: { "Idempotency-Key": randomUUID() } },
  body: { title: "惠通村土地确权第三轮协商", description: "部分承包户对确权面积有异议，建议换届前再协商一轮。", themes: ["农业"], territoryCode: village, level: "VILLAGE" },
});
check(submitted.response.status === 201 && submitted.data, `submit: ${submitted.response.status}`);
const topic: TopicsSchemas["schemas"]["Topic"] = submitted.data;
const number: string = topic.number; // required in the contract: no undefined to handle
check(/^YT-\d{4}-\d{4,}$/.test(number), `number ${number}`);
check(topic.title === "惠通村土地确权第三轮协商", `title round trip: ${topic.title}`);
const etag = submitted.response.headers.get("ETag");
// The ETag is the version, then a digest of the body: If-Match sends it back whole.
check(etag?.startsWith(`"${topic.version}-`) === true, `ETag ${etag}`);
const accepted = await organizerTopics.POST("/api/v1/topics/{id}/accept", {
  params: { path: { id: topic.id }, header: { "If-Match": etag } },
  body: { note: "列入第8次民生议事堂" },
});
check(accepted.data?.status === "ACCEPTED", `accept: ${accepted.response.status}`);

// 2. sessions-service learnt of it; put it on a village hall session.
await until("the topic becomes consultable", async () => {
  const page = await organizerSessions.GET("/api/v1/consultable-topics", { params: { query: { territory: village, limit: 100 } } });
  return page.data?.items.find((t) => t.topicId === topic.id);
});
const session = await organizerSessions.POST("/api/v1/sessions", {
  params: { header: { "Idempotency-Key": randomUUID() } },
  body: { title: "惠通村民生议事堂第8次协商", type: "VILLAGE_HALL", mode: "IN_PERSON", territoryCode: village, startsAt: "2026-12-03T06:30:00Z", agenda: [topic.id] },
});
check(session.response.status === 201 && session.data, `schedule: ${session.response.status}`);
const venue: string | null = session.data.venue; // may be null, and says so
check(venue === null, "no venue given");
const item = session.data.agenda[0];
check(item !== undefined, "an agenda item");

// 3. The session is opened in the hall (开会), then the outcome with one recommendation.
const started = await organizerSessions.POST("/api/v1/sessions/{id}/start", {
  params: { path: { id: session.data.id }, header: { "If-Match": `"${session.data.version}"` } },
});
check(started.data?.status === "IN_PROGRESS", `start: ${started.response.status}`);
// 签到: a village hall needs five present before an outcome can be recorded.
const invited = await organizerSessions.POST("/api/v1/sessions/{id}/participants", {
  params: { path: { id: session.data.id } },
  body: { participants: ["甲", "乙", "丙", "丁", "戊"].map((n) => ({ role: "VILLAGER_REPRESENTATIVE" as const, name: `村民代表${n}` })) },
});
check(invited.response.status === 201 && invited.data?.length === 5, `invite: ${invited.response.status}`);
const attendance = await organizerSessions.POST("/api/v1/sessions/{id}/check-ins", {
  params: { path: { id: session.data.id } },
  body: { participantIds: invited.data.map((p) => p.id) },
});
check(attendance.data?.quorumMet === true && attendance.data.present === 5, `check-in: ${attendance.response.status}`);
const outcome = await organizerSessions.POST("/api/v1/sessions/{id}/agenda-items/{itemId}/outcomes", {
  params: { path: { id: session.data.id, itemId: item.id }, header: { "Idempotency-Key": randomUUID() } },
  body: { consensus: "换届前召开第三轮协商；承包户与村民在政策范围内重新确认权属。", decisionRule: "CONSENSUS",
          recommendations: [{ text: "核对二轮承包台账", unitCode: "agri-rural", dueDate: "2027-01-31" }] },
});
check(outcome.response.status === 201 && outcome.data?.version === 1, `outcome: ${outcome.response.status}`);

// 4. The department's case, and the topic in follow-up with its whole timeline.
const found = await until("a case for the topic", async () => {
  const page = await staffCases.GET("/api/v1/cases", { params: { query: { topicId: topic.id } } });
  return page.data?.items[0];
});
check(found.leadUnit === "县农业农村局" && found.status === "ASSIGNED", `case ${found.number}`);
await until("the topic is in follow-up", async () => {
  const t = await villager.GET("/api/v1/topics/{id}", { params: { path: { id: topic.id } } });
  return t.data?.status === "IN_FOLLOW_UP" ? t.data : undefined;
});
const timeline = await villager.GET("/api/v1/topics/{id}/timeline", { params: { path: { id: topic.id } } });
check(JSON.stringify(timeline.data?.map((e) => e.kind)) === JSON.stringify(["SUBMITTED", "ACCEPTED", "SCHEDULED", "DELIBERATED", "CASE_OPENED"]),
  `timeline ${JSON.stringify(timeline.data?.map((e) => e.kind))}`);

// 5. Pages chain without conversions: nextCursor goes straight into cursor.
const first = await organizerTopics.GET("/api/v1/topics", { params: { query: { limit: 1, territory: village } } });
check(first.data, "a first page");
const second = await organizerTopics.GET("/api/v1/topics", { params: { query: { limit: 1, territory: village, cursor: first.data.nextCursor } } });
check(second.response.status === 200, "a second page");

// 6. Errors are typed problems, in the language asked for.
const missing = await villager.GET("/api/v1/topics/{id}", { params: { path: { id: randomUUID() }, header: { "Accept-Language": "en" } } });
check(missing.response.status === 404 && missing.error?.title === "Not found", `404 problem: ${JSON.stringify(missing.error)}`);
const invalid = await villager.POST("/api/v1/topics", { body: { title: "", description: "x", territoryCode: village, level: "VILLAGE" } });
check(invalid.response.status === 400 && (invalid.error?.violations ?? []).some((v) => v.field === "title"), `400 problem: ${JSON.stringify(invalid.error)}`);

console.log(`TypeScript client flow: topic ${number} → session → outcome → case ${found.number}: OK`);
