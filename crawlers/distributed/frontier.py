"""The shared crawl frontier in Redis: per-host queues, per-host politeness, leases.

Every operation is one Lua script, so any number of workers on any machines see one
consistent frontier:

- ``push``: drop a URL seen before (the dupefilter: a set of fingerprints) or over its city's
  page budget, else queue it on its host. Queuing a retry or redirect acknowledges the lease
  of the request it came from in the same step, so nothing is lost or doubled in between.
- ``pop``: first return expired leases to their queues (a worker killed with ``kill -9`` never
  acknowledges), then take the best request of a host whose politeness slot is free and move
  the host's slot ``delay`` ahead — the per-host delay holds across all workers together.
- ``ack``: the request is done (its capture committed, its links queued).

The crawl is drained when nothing is queued and nothing is leased.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Any

import redis

# KEYS: 1 seen, 2 req, 3 meta, 4 hosts, 5 nextok, 6 inflight, 7 queued(counter), 8 budget hash, 9 ids
# ARGV: priority, host, -, payload, fingerprint|"", now_ms, ack_id|"", budget_field|"", budget_max, qprefix
# Entry ids count up: within one priority, first in first out.
_PUSH = """
local added = 0
local ok = true
if ARGV[5] ~= '' then
  ok = redis.call('SADD', KEYS[1], ARGV[5]) == 1
end
if ok and ARGV[8] ~= '' then
  if redis.call('HINCRBY', KEYS[8], ARGV[8], 1) > tonumber(ARGV[9]) then ok = false end
end
if ok then
  local q = ARGV[10] .. ARGV[2]
  local id = redis.call('INCR', KEYS[9])
  local score = -tonumber(ARGV[1]) * 1000000000 + id
  redis.call('HSET', KEYS[2], id, ARGV[4])
  redis.call('HSET', KEYS[3], id, ARGV[2] .. '|' .. score)
  redis.call('ZADD', q, score, id)
  if not redis.call('ZSCORE', KEYS[4], ARGV[2]) then
    local nxt = tonumber(redis.call('HGET', KEYS[5], ARGV[2]) or '0')
    redis.call('ZADD', KEYS[4], math.max(nxt, tonumber(ARGV[6])), ARGV[2])
  end
  redis.call('INCR', KEYS[7])
  added = 1
end
if ARGV[7] ~= '' and redis.call('ZREM', KEYS[6], ARGV[7]) == 1 then
  redis.call('HDEL', KEYS[2], ARGV[7])
  redis.call('HDEL', KEYS[3], ARGV[7])
end
return added
"""

# KEYS: 1 req, 2 meta, 3 hosts, 4 nextok, 5 inflight, 6 queued; ARGV: now_ms, lease_ms, delay_ms, qprefix
_POP = """
local now = tonumber(ARGV[1])
for _, id in ipairs(redis.call('ZRANGEBYSCORE', KEYS[5], '-inf', now, 'LIMIT', 0, 100)) do
  redis.call('ZREM', KEYS[5], id)
  local m = redis.call('HGET', KEYS[2], id)
  if m then
    local sep = string.find(m, '|', 1, true)
    local host, score = string.sub(m, 1, sep - 1), string.sub(m, sep + 1)
    redis.call('ZADD', ARGV[4] .. host, score, id)
    if not redis.call('ZSCORE', KEYS[3], host) then
      local nxt = tonumber(redis.call('HGET', KEYS[4], host) or '0')
      redis.call('ZADD', KEYS[3], math.max(nxt, now), host)
    end
    redis.call('INCR', KEYS[6])
  end
end
local ready = redis.call('ZRANGEBYSCORE', KEYS[3], '-inf', now, 'LIMIT', 0, 1)
if #ready == 0 then
  local first = redis.call('ZRANGE', KEYS[3], 0, 0, 'WITHSCORES')
  if #first == 0 then return {false, -1} end
  return {false, tonumber(first[2]) - now}
end
local host = ready[1]
local q = ARGV[4] .. host
local id = redis.call('ZRANGE', q, 0, 0)[1]
redis.call('ZREM', q, id)
redis.call('DECR', KEYS[6])
local nxt = now + tonumber(ARGV[3])
redis.call('HSET', KEYS[4], host, nxt)
if redis.call('ZCARD', q) == 0 then
  redis.call('ZREM', KEYS[3], host)
else
  redis.call('ZADD', KEYS[3], nxt, host)
end
redis.call('ZADD', KEYS[5], now + tonumber(ARGV[2]), id)
return {id, redis.call('HGET', KEYS[1], id)}
"""

# KEYS: 1 req, 2 meta, 3 inflight, 4 queued, 5 hosts; ARGV: id, qprefix
# A lease that expired and went back to its queue is taken out again: the work is done.
_ACK = """
if redis.call('ZREM', KEYS[3], ARGV[1]) == 0 then
  local m = redis.call('HGET', KEYS[2], ARGV[1])
  if not m then return 0 end
  local host = string.sub(m, 1, string.find(m, '|', 1, true) - 1)
  if redis.call('ZREM', ARGV[2] .. host, ARGV[1]) == 0 then return 0 end
  redis.call('DECR', KEYS[4])
  if redis.call('ZCARD', ARGV[2] .. host) == 0 then redis.call('ZREM', KEYS[5], host) end
end
redis.call('HDEL', KEYS[1], ARGV[1])
redis.call('HDEL', KEYS[2], ARGV[1])
return 1
"""


@dataclass(frozen=True)
class Popped:
    id: str | None
    payload: bytes | None
    wait: float  # seconds until a host is ready (when id is None); -1: nothing queued at all


class Frontier:
    """One crawl's frontier under ``{prefix}:{crawl_id}:``."""

    def __init__(self, client: redis.Redis, prefix: str, crawl_id: int, delay: float,
                 lease_seconds: float) -> None:
        self.r = client
        self.ns = f"{prefix}:{crawl_id}:"
        self.delay_ms = int(delay * 1000)
        self.lease_ms = int(lease_seconds * 1000)
        self._push = client.register_script(_PUSH)
        self._pop = client.register_script(_POP)
        self._ack = client.register_script(_ACK)

    def key(self, name: str) -> str:
        return self.ns + name

    @staticmethod
    def now_ms() -> int:
        return int(time.time() * 1000)

    def push(self, host: str, priority: int, payload: bytes, fingerprint: str | None,
             ack_id: str | None = None, budget: tuple[str, int] | None = None) -> bool:
        """Queue a request (False: seen before or over budget). Higher priority pops first."""
        keys = [self.key(k) for k in ("seen", "req", "meta", "hosts", "nextok", "inflight", "queued",
                                      "budget", "ids")]
        field, limit = budget or ("", 0)
        args = [int(priority), host, "", payload, fingerprint or "", self.now_ms(), ack_id or "", field,
                limit, self.key("q:")]
        return bool(self._push(keys=keys, args=args))

    def pop(self) -> Popped:
        keys = [self.key(k) for k in ("req", "meta", "hosts", "nextok", "inflight", "queued")]
        rid, rest = self._pop(keys=keys, args=[self.now_ms(), self.lease_ms, self.delay_ms, self.key("q:")])
        if rid is None or rid is False:
            return Popped(None, None, float(rest) / 1000 if int(rest) >= 0 else -1.0)
        return Popped(rid.decode() if isinstance(rid, bytes) else str(rid), rest, 0.0)

    def ack(self, rid: str) -> bool:
        keys = [self.key(k) for k in ("req", "meta", "inflight", "queued", "hosts")]
        return bool(self._ack(keys=keys, args=[rid, self.key("q:")]))

    def counts(self) -> dict[str, int]:
        queued, inflight = self.r.get(self.key("queued")), self.r.zcard(self.key("inflight"))
        return {"queued": int(queued or 0), "inflight": int(inflight)}

    def drained(self) -> bool:
        c = self.counts()
        return c["queued"] == 0 and c["inflight"] == 0

    def expired_leases(self) -> int:
        return int(self.r.zcount(self.key("inflight"), "-inf", self.now_ms()))

    # -- per-city statistics, summed over all workers ------------------------------------------
    def count(self, ags: str, field: str, n: int = 1) -> None:
        self.r.hincrby(self.key(f"stats:{ags}"), field, n)

    def stats(self, cities: list[str]) -> dict[str, dict[str, Any]]:
        pipe = self.r.pipeline()
        for ags in cities:
            pipe.hgetall(self.key(f"stats:{ags}"))
        return {ags: {k.decode(): int(v) for k, v in raw.items()} for ags, raw in zip(cities, pipe.execute(),
                                                                                      strict=True)}

    def claim_finish(self) -> bool:
        """True for exactly one caller: the one that records the crawl as finished."""
        return bool(self.r.set(self.key("finished"), "1", nx=True))

    def clear(self) -> None:
        """Delete every key of this crawl (after it finished and its stats are in the store); the
        finish claim stays a day, so a late worker does not record the finish again."""
        keep = self.key("finished")
        for k in self.r.scan_iter(match=self.ns + "*", count=1000):
            if k.decode() != keep:
                self.r.delete(k)
        self.r.expire(keep, 86_400)
