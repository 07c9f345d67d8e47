"""The measurement behind bench/webhook-latency.sh; standard library only."""
import json
import socket
import sys
import threading
import time
import urllib.request
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

topics_url, system_token, staff_tokens, village, n, rate = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4], int(sys.argv[5]), float(sys.argv[6])
arrivals = {"fast": {}, "slow": {}}


def receiver(name, delay):
    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):
            body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
            if delay:
                time.sleep(delay)
            arrivals[name].setdefault(body["data"]["topicId"], time.monotonic())
            self.send_response(204)
            self.end_headers()

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server.server_address[1]


def call(method, path, token, body=None):
    data = None if body is None else json.dumps(body).encode()
    req = urllib.request.Request(topics_url + path, data=data, method=method,
                                 headers={"Authorization": "Bearer " + token, "Content-Type": "application/json",
                                          "Idempotency-Key": str(uuid.uuid4())})
    with urllib.request.urlopen(req) as r:
        return json.loads(r.read() or b"null")


with socket.socket() as s:  # a port nobody listens on: the dead receiver
    s.bind(("127.0.0.1", 0))
    dead = s.getsockname()[1]
ports = {"fast": receiver("fast", 0), "slow": receiver("slow", 2.0), "dead": dead}
subscriptions = [call("POST", "/api/v1/webhooks", system_token, {
    "callbackUrl": "http://127.0.0.1:%d/hook" % port, "eventTypes": ["TopicSubmitted"], "territory": village,
    "description": "bench " + name})["subscription"]["id"] for name, port in ports.items()]
time.sleep(1)

sent = {}
start = time.monotonic()
for i in range(n):
    due = start + i / rate
    time.sleep(max(0.0, due - time.monotonic()))
    staff = staff_tokens.split(",")
    topic = call("POST", "/api/v1/topics", staff[i % len(staff)], {
        "title": "基准测试议题 %d" % i, "description": "测量事件推送的时延。", "themes": ["民生"],
        "territoryCode": village, "level": "VILLAGE", "channel": "RESIDENT"})
    sent[topic["id"]] = time.monotonic()
deadline = time.monotonic() + 120
while len(arrivals["fast"]) < n and time.monotonic() < deadline:
    time.sleep(0.1)
slow_then = len(arrivals["slow"])
latencies = sorted((arrivals["fast"][t] - sent[t]) * 1000 for t in sent if t in arrivals["fast"])
for s in subscriptions:
    call("DELETE", "/api/v1/webhooks/" + s, system_token)


def pct(p):
    return latencies[min(len(latencies) - 1, int(round(p / 100 * (len(latencies) - 1))))]


print("webhook latency, submission answered -> delivery received, %d topics at %.0f/s" % (n, rate))
print("  delivered to the fast receiver: %d of %d" % (len(latencies), n))
if latencies:
    print("  p50 %.1f ms  p90 %.1f ms  p99 %.1f ms  max %.1f ms" % (pct(50), pct(90), pct(99), latencies[-1]))
print("  meanwhile the slow receiver (2 s an answer) had %d, the dead one none" % slow_then)
sys.exit(0 if len(latencies) == n else 1)
