-- Records of mail the desk sends and of its Sent folders, each atomic and
-- idempotent. Dispatch on ARGV[2]; ARGV[1] is the key prefix, ARGV[3] a JSON
-- argument. KEYS[1] is the events stream (declared for Cluster routing).
-- Returns {status, detail}: "ok" when something changed, "noop" when it
-- was already so.
local P = ARGV[1]
local action = ARGV[2]
local a = cjson.decode(ARGV[3])
local function k(s) return P .. s end
local function nonempty(s) return s and s ~= '' and s ~= cjson.null end
local now = a.now

if action == 'sent-seen' then
  -- One Sent-folder message looked at: remember its UID (so reconcile and
  -- a restart skip it), advance the cursor, count the outcome.
  local srckey = k(a.srckey)
  if redis.call('HGET', srckey, a.uid) then
    return {'noop', 'seen before'}
  end
  redis.call('HSET', srckey, a.uid, a.mark)
  local cursorkey = k(a.cursorkey)
  if redis.call('HGET', cursorkey, 'uidvalidity') == a.uidvalidity then
    local last = tonumber(redis.call('HGET', cursorkey, 'last_uid') or '0')
    if tonumber(a.uid) > last then
      redis.call('HSET', cursorkey, 'last_uid', a.uid)
    end
  end
  redis.call('HINCRBY', k(a.statskey), 'messages', 1)
  redis.call('HINCRBY', k(a.statskey), a.outcome, 1)
  return {'ok', ''}
end

if action == 'outbound' then
  -- What happened to one outgoing message of an enquiry (sent, failed,
  -- suppressed): a timeline entry and an event, once per key and status.
  local ref = a.ref
  local enq = k('enq:' .. ref)
  if redis.call('EXISTS', enq) == 0 then
    return redis.error_reply('NOTFOUND enquiry ' .. ref)
  end
  if redis.call('SADD', enq .. ':outbound', a.key .. '|' .. a.status) == 0 then
    return {'noop', 'already recorded'}
  end
  local data = {key = a.key, kind = a.kind, status = a.status, to = a.to, detail = a.detail}
  local ev = {at = tonumber(now), type = 'outbound.' .. a.status, by = 'system', text = a.text, data = data}
  redis.call('RPUSH', enq .. ':tl', cjson.encode(ev))
  redis.call('XADD', KEYS[1], 'MAXLEN', '~', '200000', '*',
    'type', 'outbound.' .. a.status, 'ref', ref, 'at', now, 'data', cjson.encode(data))
  return {'ok', ''}
end

return redis.error_reply('unknown action ' .. action)
