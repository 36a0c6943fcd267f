-- Sweep the clock schedules (clock.lua): record every transition due by
-- now — warnings first, then breaches, then escalations, so a clock
-- overdue on all three goes through them in order — at most ARGV[4] of
-- each per call. Because the whole call is one script, a member removed
-- from its schedule here (ZREM = 1) is claimed by exactly this caller:
-- another replica's sweep either ran before (and removed it) or runs after
-- (and does not see it). The transition's record, its event, its timeline
-- entry, the next step's schedule (a warning schedules the breach, a
-- breach the escalation) and the owner's durable notice are written in
-- the same step, so a crash leaves all of them or none.
--
-- Composed at load time (clocklib.go): clock.lua, then the notice step of
-- the package that owns notices (it defines notice_to(tr, officer),
-- notice_key(ref, clock, tr, due), notice_enqueue(key, notice) and
-- notice_flush(), called once at the end; see sla/notice.lua), then this
-- driver.
--
-- KEYS[1]  the events stream (declared so Cluster routes the script)
-- ARGV[1]  key prefix
-- ARGV[2]  unused (was the transition when each had its own call)
-- ARGV[3]  now (unix ms)
-- ARGV[4]  at most this many clocks per transition
-- ARGV[5]  escalation.after_breach (ms)
-- ARGV[6]  read by the notice step (sla: the escalation manager)
-- ARGV[7]  sla.warn_before (ms)
-- ARGV[8]  "silent": record the transitions without notices (a reindex
--          rebuilding the past: those notices went out the first time)
-- returns  {claimed, warned, breached, escalated, more (1 when a limit
--          was reached)}
local now = tonumber(ARGV[3])
local limit = tonumber(ARGV[4])
local after = tonumber(ARGV[5])
local warn_before = tonumber(ARGV[7])
local silent = ARGV[8] == 'silent'

local claimed = 0
local recorded = {warned = 0, breached = 0, escalated = 0}

-- transition records tr for the member m (claimed off its schedule at
-- score), when the enquiry still wants it.
local function transition(tr, m, score)
  local zkey = CLOCK_SCHEDULE[tr]
  local ref, clock = string.match(m, '^(.+)|([%w_]+)$')
  if not ref then return end
  local enq = k('enq:' .. ref)
  local f = redis.call('HMGET', enq,
    clock .. ':due', clock .. ':met', clock .. ':' .. tr, clock .. ':start', clock .. ':breached',
    'status', 'officer', 'topic', 'outlet_tier', 'release', 'created', 'outlet', 'policy', 'subject', 'channel', 'lang')
  local dueAt = tonumber(f[1] or '')
  local running = dueAt ~= nil and not nonempty(f[2]) and f[6] ~= 'resolved'
    and not (clock == 'resolution' and f[6] == 'waiting')
  if not running then return end
  -- A due time moved later without its schedule following (never by the
  -- clock library; defensive): schedule it again instead.
  if tr == 'breached' and dueAt > now then
    redis.call('ZADD', zkey, ms(dueAt), m)
    return
  elseif tr == 'warned' and dueAt - warn_before > now then
    redis.call('ZADD', zkey, ms(dueAt - warn_before), m)
    return
  end
  -- The next step: a running clock that warns is due to breach (also one
  -- whose warning was recorded before a pause or a reschedule).
  if tr == 'warned' then redis.call('ZADD', CLOCK_SCHEDULE.breached, ms(dueAt), m) end
  if nonempty(f[3]) then return end -- recorded already
  if tr == 'escalated' and not nonempty(f[5]) then return end
  recorded[tr] = recorded[tr] + 1
  local at = score
  if tr == 'breached' then at = dueAt end
  if tr == 'warned' and nonempty(f[4]) and tonumber(f[4]) > at then at = tonumber(f[4]) end
  redis.call('HSET', enq, clock .. ':' .. tr, ms(at))
  if tr == 'breached' then
    redis.call('ZADD', CLOCK_SCHEDULE.escalated, ms(at + after), m)
  end
  local officer = f[7] or ''
  local to = notice_to(tr, officer)
  -- The clock whose id is acknowledge is the holding reply to people.
  local label = (clock == 'acknowledge') and 'holding reply' or (string.gsub(clock, '_', ' '))
  local text
  if tr == 'warned' then
    local mins = math.floor((dueAt - now) / 60000 + 0.5)
    if mins > 0 then
      text = 'warning: ' .. label .. ' due in ' .. mins .. ' min'
    else
      text = 'warning: ' .. label .. ' due now'
    end
  elseif tr == 'breached' then
    text = 'breach: ' .. label .. ' not met by its due time'
  else
    text = 'escalated: ' .. label .. ' still not met ' .. math.floor(after / 60000 + 0.5) .. ' min after its breach'
  end
  local key = notice_key(ref, clock, tr, ms(dueAt))
  if silent then
    text = text .. ' (recorded by a reindex; not notified again)'
    to = {}
    key = ''
  else
    text = text .. '; notifying ' .. table.concat(to, ', ')
  end
  local data = {clock = clock, due = dueAt, at = at, recorded = now,
    topic = f[8] or '', officer = officer, tier = f[9] or '', release = f[10] or '',
    created = tonumber(f[11] or '0'), outlet = f[12] or '', policy = f[13] or '',
    channel = f[15] or '', lang = f[16] or '', notify = to, notice = key}
  redis.call('XADD', KEYS[1], 'MAXLEN', '~', '200000', '*',
    'type', 'clock.' .. tr, 'ref', ref, 'at', ms(now), 'data', cjson.encode(data))
  redis.call('RPUSH', enq .. ':tl', cjson.encode({at = now, type = 'clock.' .. tr, by = 'system', text = text,
    data = {clock = clock, due = dueAt, at = at, notify = to}}))
  if not silent then
    notice_enqueue(key, {key = key, kind = tr, ref = ref, clock = clock, due = dueAt, at = at,
      to = to, officer = officer, topic = f[8] or '', outlet = f[12] or '', subject = f[14] or ''})
  end
end

local more = 0
if clock_migrate(limit) > 0 then more = 1 end
for _, tr in ipairs(CLOCK_TRANSITIONS) do
  local zkey = CLOCK_SCHEDULE[tr]
  local due = redis.call('ZRANGEBYSCORE', zkey, '-inf', ARGV[3], 'WITHSCORES', 'LIMIT', 0, limit)
  for i = 1, #due, 2 do
    local m = due[i]
    if redis.call('ZREM', zkey, m) == 1 then
      claimed = claimed + 1
      transition(tr, m, tonumber(due[i + 1]))
    end
  end
  if #due / 2 >= limit then more = 1 end
end
notice_flush()
return {claimed, recorded.warned, recorded.breached, recorded.escalated, more}
