-- Officer and system actions on one enquiry, each atomic. Dispatch on
-- ARGV[2] (the action); ARGV[1] is the key prefix, ARGV[3] a JSON argument.
-- KEYS[1] is the events stream (declared for Cluster routing).
-- Returns {status, detail}: status "ok", "noop" (already so) or an error
-- raised with redis.error_reply for a refused action.
-- The clock library (clock.lua) is prepended: P, k, nonempty, clock_*.
local action = ARGV[2]
local a = cjson.decode(ARGV[3])
local ref = a.ref
local enq = k('enq:' .. ref)
local now = a.now

if redis.call('EXISTS', enq) == 0 then
  return redis.error_reply('NOTFOUND enquiry ' .. ref)
end

local function event(typ, data)
  redis.call('XADD', KEYS[1], 'MAXLEN', '~', '200000', '*',
    'type', typ, 'ref', ref, 'at', now, 'data', cjson.encode(data or {}))
end

local function tl(typ, by, text, data)
  local ev = {at = tonumber(now), type = typ, by = by, text = text}
  if data then ev.data = data end
  redis.call('RPUSH', enq .. ':tl', cjson.encode(ev))
end

local function unschedule(clocks) clock_unschedule(ref, clocks) end

local function met(clock, t, by) return clock_met(ref, clock, t, by, event) end

local function set_officer_index(old, new)
  local created = redis.call('HGET', enq, 'created')
  local status = redis.call('HGET', enq, 'status')
  if nonempty(old) then redis.call('ZREM', k('idx:officer:' .. old), ref) end
  if nonempty(new) and status ~= 'resolved' then
    redis.call('ZADD', k('idx:officer:' .. new), created, ref)
  end
end

if action == 'response' then
  -- A reply to the journalist: holding (acknowledges) or substantive
  -- (answers). The same reply seen twice (dashboard and Sent folder)
  -- counts once.
  if nonempty(a.message_id) then
    if redis.call('SADD', enq .. ':responses', a.message_id) == 0 then
      return {'noop', 'response already recorded'}
    end
  end
  local clocks = {}
  if met('acknowledge', a.at, a.by) then table.insert(clocks, 'acknowledge') end
  if a.kind == 'substantive' then
    if met('first_response', a.at, a.by) then
      table.insert(clocks, 'first_response')
    elseif met('next_response', a.at, a.by) then
      table.insert(clocks, 'next_response')
    end
    local status = redis.call('HGET', enq, 'status')
    if status == 'open' then
      redis.call('HSET', enq, 'status', 'answered')
    end
  end
  redis.call('HSET', enq, 'updated', now, 'last_response', a.at)
  local text = a.kind .. ' reply by ' .. a.by .. ' (' .. a.via .. ')'
  if #clocks > 0 then text = text .. '; met ' .. table.concat(clocks, ', ') end
  tl('response', a.by, text, {kind = a.kind, via = a.via, message_id = a.message_id, mkey = a.mkey, clocks = clocks})
  event('response.recorded', {kind = a.kind, by = a.by, via = a.via, clocks = clocks})
  return {'ok', table.concat(clocks, ',')}
end

if action == 'resolve' then
  local status = redis.call('HGET', enq, 'status')
  if status == 'resolved' then return {'noop', 'already resolved'} end
  met('resolution', now, a.by)
  unschedule(CLOCK_NAMES)
  redis.call('ZREM', CLOCK_WAKE, ref) -- the version before's schedule, if not yet migrated
  local officer = redis.call('HGET', enq, 'officer')
  redis.call('HSET', enq, 'status', 'resolved', 'updated', now, 'resolved_at', now)
  redis.call('HDEL', enq, 'waiting_since')
  redis.call('ZREM', k('idx:open'), ref)
  redis.call('ZADD', k('idx:resolved'), now, ref)
  if nonempty(officer) then redis.call('ZREM', k('idx:officer:' .. officer), ref) end
  tl('resolved', a.by, nonempty(a.note) and a.note or 'resolved')
  event('enquiry.resolved', {by = a.by, officer = officer or ''})
  return {'ok', ''}
end

if action == 'reopen' then
  local status = redis.call('HGET', enq, 'status')
  if status ~= 'resolved' then return {'noop', 'not resolved'} end
  local f = redis.call('HMGET', enq, 'created', 'officer', 'policy_res_ms')
  redis.call('HSET', enq, 'status', 'open', 'updated', now)
  redis.call('HDEL', enq, 'resolved_at', 'resolution:met', 'resolution:warned', 'resolution:breached', 'resolution:escalated')
  redis.call('ZADD', k('idx:open'), f[1], ref)
  redis.call('ZREM', k('idx:resolved'), ref)
  -- Reopened: it needs resolving again, on the policy's resolution target.
  local res = tonumber(f[3] or '0') or 0
  if res > 0 then
    clock_set(ref, 'resolution', tonumber(now) + res, now, a.warn_before)
  end
  if nonempty(f[2]) then redis.call('ZADD', k('idx:officer:' .. f[2]), f[1], ref) end
  tl('reopened', a.by, nonempty(a.note) and a.note or 'reopened')
  event('enquiry.reopened', {by = a.by})
  return {'ok', ''}
end

if action == 'assign' then
  -- Claim (by = to) or reassign. expect, when given, must be the current
  -- officer: two officers claiming at once cannot both win.
  local old = redis.call('HGET', enq, 'officer') or ''
  if (nonempty(a.expect) and a.expect ~= old) or (a.expect_unassigned and old ~= '') then
    local who = old ~= '' and old or 'nobody'
    return redis.error_reply('CONFLICT enquiry ' .. ref .. ' is now assigned to ' .. who)
  end
  if old == a.to then return {'noop', 'already assigned to ' .. a.to} end
  redis.call('HSET', enq, 'officer', a.to, 'officer_reason', a.reason, 'updated', now)
  set_officer_index(old, a.to)
  redis.call('HSET', k('officer:last'), a.to, now)
  local typ = (a.to == a.by) and 'claimed' or 'assigned'
  tl(typ, a.by, typ .. ' to ' .. a.to .. (nonempty(old) and (' from ' .. old) or '') .. (nonempty(a.reason) and (': ' .. a.reason) or ''),
    {from = old, to = a.to})
  event('enquiry.assigned', {from = old, to = a.to, by = a.by, reason = a.reason, claimed = (a.to == a.by)})
  return {'ok', old}
end

if action == 'note' then
  tl('note', a.by, a.text)
  redis.call('HSET', enq, 'updated', now)
  event('note.added', {by = a.by})
  return {'ok', ''}
end

if action == 'waiting' then
  -- Pause (on = true) or resume the resolution clock while the desk waits
  -- on the journalist.
  local f = redis.call('HMGET', enq, 'status', 'waiting_since', 'resolution:due', 'resolution:met')
  if a.on then
    if f[1] == 'waiting' then return {'noop', 'already waiting'} end
    if f[1] == 'resolved' then return redis.error_reply('REFUSED enquiry ' .. ref .. ' is resolved') end
    redis.call('HSET', enq, 'status', 'waiting', 'waiting_since', now, 'status_before_wait', f[1], 'updated', now)
    unschedule('resolution')
    tl('waiting', a.by, 'waiting on the journalist: resolution clock paused')
    event('enquiry.waiting', {by = a.by})
    return {'ok', ''}
  end
  if f[1] ~= 'waiting' then return {'noop', 'not waiting'} end
  local before = redis.call('HGET', enq, 'status_before_wait')
  redis.call('HSET', enq, 'status', nonempty(before) and before or 'open', 'updated', now)
  redis.call('HDEL', enq, 'waiting_since', 'status_before_wait')
  if nonempty(f[3]) and not nonempty(f[4]) and nonempty(f[2]) then
    clock_resume(ref, 'resolution', f[3], f[2], now, a.warn_before)
  end
  tl('resumed', a.by, 'resolution clock resumed')
  event('enquiry.resumed', {by = a.by})
  return {'ok', ''}
end

if action == 'set-due' then
  -- Restart a clock with a new due time (its start kept, earlier outcomes
  -- forgotten, scheduled again). Used by tools that stage clocks (bench/sla).
  local start = redis.call('HGET', enq, a.clock .. ':start') or redis.call('HGET', enq, 'created')
  clock_set(ref, a.clock, a.due, start, a.warn_before)
  tl('clock', a.by, a.clock .. ' due moved', {clock = a.clock, due = tonumber(a.due)})
  return {'ok', ''}
end

if action == 'own-message' then
  -- A message the desk sent (acknowledgement, reply, alert copy): kept on
  -- the thread and registered so replies to it thread here and its copy
  -- in a watched folder is recognised.
  local midkey = k(a.midkey)
  local prev = redis.call('HGET', midkey, 'mkey')
  if prev then return {'noop', prev} end
  redis.call('HSET', k('msg:' .. a.mkey), 'doc', a.doc, 'ref', ref, 'kind', a.kind, 'dir', 'out')
  redis.call('HSET', midkey, 'mkey', a.mkey, 'ref', ref, 'own', '1')
  redis.call('RPUSH', enq .. ':msgs', a.mkey)
  redis.call('HINCRBY', enq, 'messages', 1)
  redis.call('HSET', enq, 'updated', now)
  if nonempty(a.timeline) then
    tl(a.kind, a.by, a.timeline, {mkey = a.mkey})
  end
  return {'ok', a.mkey}
end

return redis.error_reply('unknown action ' .. action)
