-- Alert groups: officers' alerts and SLA notices gathered per recipient,
-- like Alertmanager's group_wait / group_interval. Every step is one
-- script, so a crash leaves a group either before or after a step.
--
-- Keys (P is the prefix; <group> is "<officer id>|<class>"):
--   P alerts:grp:<group>    hash: last (ms of the last mail to the group), seq
--   P alerts:items:<group>  list: item JSON waiting for the group's next mail
--   P alerts:due            zset: group -> when its waiting items are mailed (ms)
--   P alerts:seen           zset: item key -> added (ms); a replayed item is dropped
--   P alerts:now            zset: item key -> added (ms); items mailed alone
--   P alerts:batches        hash: "<group>|<seq>" -> batch JSON, claimed and not yet
--                           in the outbox (the outbox key makes a retry harmless)
--
-- ARGV[1] prefix, ARGV[2] action, then per action:
--   add    ARGV[3] group, ARGV[4] item key, ARGV[5] item JSON, ARGV[6] now ms,
--          ARGV[7] group_wait ms, ARGV[8] group_interval ms
--          -> 'now' (mail it alone, now), 'queued' or 'dup'
--   claim  ARGV[3] now ms, ARGV[4] limit -> number of batches claimed
--   done   ARGV[3..] batch ids -> number removed
local P = ARGV[1]
local action = ARGV[2]
local function k(s) return P .. s end
local seen, nowz, due, batches = k('alerts:seen'), k('alerts:now'), k('alerts:due'), k('alerts:batches')
local keep = 2 * 24 * 3600 * 1000

if action == 'add' then
  local group, key, item = ARGV[3], ARGV[4], ARGV[5]
  local now, wait, interval = tonumber(ARGV[6]), tonumber(ARGV[7]), tonumber(ARGV[8])
  if redis.call('ZSCORE', seen, key) then
    if redis.call('ZSCORE', nowz, key) then return 'now' end
    return 'dup'
  end
  redis.call('ZADD', seen, ARGV[6], key)
  local old = string.format('%.0f', now - keep)
  redis.call('ZREMRANGEBYSCORE', seen, '-inf', old)
  redis.call('ZREMRANGEBYSCORE', nowz, '-inf', old)
  local g, items = k('alerts:grp:' .. group), k('alerts:items:' .. group)
  local last = tonumber(redis.call('HGET', g, 'last') or '')
  local quiet = redis.call('LLEN', items) == 0 and (not last or now - last >= interval)
  if quiet and wait == 0 then
    redis.call('HSET', g, 'last', ARGV[6])
    redis.call('ZADD', nowz, ARGV[6], key)
    return 'now'
  end
  redis.call('RPUSH', items, item)
  local at = now + wait
  if not quiet and last and last + interval > at then at = last + interval end
  redis.call('ZADD', due, 'NX', string.format('%.0f', at), group)
  return 'queued'
end

if action == 'claim' then
  local groups = redis.call('ZRANGEBYSCORE', due, '-inf', ARGV[3], 'LIMIT', 0, tonumber(ARGV[4]))
  local n = 0
  for _, group in ipairs(groups) do
    redis.call('ZREM', due, group)
    local g, ik = k('alerts:grp:' .. group), k('alerts:items:' .. group)
    local items = redis.call('LRANGE', ik, 0, -1)
    redis.call('DEL', ik)
    if #items > 0 then
      local seq = redis.call('HINCRBY', g, 'seq', 1)
      redis.call('HSET', g, 'last', ARGV[3])
      local id = group .. '|' .. seq
      redis.call('HSET', batches, id, '{"id":' .. cjson.encode(id) .. ',"group":' .. cjson.encode(group) ..
        ',"at":' .. ARGV[3] .. ',"items":[' .. table.concat(items, ',') .. ']}')
      n = n + 1
    end
  end
  return n
end

if action == 'done' then
  local n = 0
  for i = 3, #ARGV do n = n + redis.call('HDEL', batches, ARGV[i]) end
  return n
end

return redis.error_reply('unknown action ' .. action)
