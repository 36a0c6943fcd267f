-- The durable notice queue between SLA transitions (and digests) and the
-- outbound channel. A notice is written once, atomically with whatever
-- caused it; a deliverer claims it for a lease, hands it to the outbox
-- with its idempotency key, then acknowledges it. A deliverer that dies
-- after claiming leaves the notice to be claimed again when the lease
-- lapses; the idempotency key makes the second hand-over a no-op in the
-- outbox, so each notice is sent exactly once.
--
-- ARGV[1] key prefix, ARGV[2] action, then per action:
--   claim   ARGV[3] now ms, ARGV[4] limit, ARGV[5] lease ms
--           → {key1, notice1, tries1, key2, ...}
--   ack     ARGV[3..] keys → number removed
--   nack    ARGV[3] key, ARGV[4] retry at ms → 1
--   enqueue ARGV[3] once-key (field of sla:digests; "" for none), ARGV[4] notice key,
--           ARGV[5] notice JSON, ARGV[6] now ms → 1 when enqueued, 0 when already done
local P = ARGV[1]
local action = ARGV[2]
local function k(s) return P .. s end
local zq, hn, ht = k('sla:notify'), k('sla:notices'), k('sla:notices:tries')

if action == 'claim' then
  local keys = redis.call('ZRANGEBYSCORE', zq, '-inf', ARGV[3], 'LIMIT', 0, tonumber(ARGV[4]))
  local until_ = string.format('%.0f', tonumber(ARGV[3]) + tonumber(ARGV[5]))
  local out = {}
  for _, key in ipairs(keys) do
    local n = redis.call('HGET', hn, key)
    if n then
      redis.call('ZADD', zq, until_, key)
      local tries = redis.call('HINCRBY', ht, key, 1)
      table.insert(out, key)
      table.insert(out, n)
      table.insert(out, tostring(tries))
    else
      redis.call('ZREM', zq, key)
      redis.call('HDEL', ht, key)
    end
  end
  return out
end

if action == 'ack' then
  local n = 0
  for i = 3, #ARGV do
    n = n + redis.call('ZREM', zq, ARGV[i])
    redis.call('HDEL', hn, ARGV[i])
    redis.call('HDEL', ht, ARGV[i])
  end
  return n
end

if action == 'nack' then
  if redis.call('HEXISTS', hn, ARGV[3]) == 1 then
    redis.call('ZADD', zq, ARGV[4], ARGV[3])
  end
  return 1
end

if action == 'enqueue' then
  if ARGV[3] ~= '' and redis.call('HSETNX', k('sla:digests'), ARGV[3], ARGV[6]) == 0 then
    return 0
  end
  if redis.call('HSETNX', hn, ARGV[4], ARGV[5]) == 0 then return 0 end
  redis.call('ZADD', zq, ARGV[6], ARGV[4])
  return 1
end

return redis.error_reply('unknown action ' .. action)
