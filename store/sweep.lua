-- Sweep the enquiries whose wake has come (P clock:wake, see clock.lua):
-- record every transition due by now — warnings first, then breaches,
-- then escalations, so a clock overdue on all three goes through them in
-- order — and set each enquiry's next wake. Because the whole call is one
-- script, a schedule field removed here (HDEL = 1) is claimed by exactly
-- this caller: another replica's sweep either ran before (and removed it)
-- or runs after (and does not see it). The transition's record, its event,
-- its timeline entry, the next schedule (escalation) and the owner's
-- durable notice are written in the same step, so a crash leaves all of
-- them or none.
--
-- Composed at load time (clocklib.go): clock.lua, then the notice step of
-- the package that owns notices (it defines notice_to(tr, officer),
-- notice_key(ref, clock, tr, due) and notice_enqueue(key, notice); see
-- sla/notice.lua), then this driver.
--
-- KEYS[1]  the events stream (declared so Cluster routes the script)
-- ARGV[1]  key prefix
-- ARGV[2]  unused (was the transition when each had its own schedule)
-- ARGV[3]  now (unix ms)
-- ARGV[4]  at most this many enquiries
-- ARGV[5]  escalation.after_breach (ms)
-- ARGV[6]  read by the notice step (sla: the escalation manager)
-- ARGV[7]  sla.warn_before (ms)
-- ARGV[8]  "silent": record the transitions without notices (a reindex
--          rebuilding the past: those notices went out the first time)
-- returns  {claimed, warned, breached, escalated, more (1 when the limit
--          was reached)}
local now = tonumber(ARGV[3])
local limit = tonumber(ARGV[4])
local after = tonumber(ARGV[5])
local warn_before = tonumber(ARGV[7])
local silent = ARGV[8] == 'silent'
local CLOCKS = {'acknowledge', 'first_response', 'next_response', 'resolution'}
-- Field names, built once: the schedule fields of every clock (one
-- HMGET per enquiry) and what a transition reads of its clock.
local SCHED_FIELDS, AT_FIELD, CLOCK_FIELDS = {}, {}, {}
for _, c in ipairs(CLOCKS) do
  AT_FIELD[c] = {}
  for _, tr in ipairs(CLOCK_TRANSITIONS) do
    AT_FIELD[c][tr] = c .. CLOCK_AT[tr]
    SCHED_FIELDS[#SCHED_FIELDS + 1] = AT_FIELD[c][tr]
  end
  CLOCK_FIELDS[c] = {}
  for _, tr in ipairs(CLOCK_TRANSITIONS) do
    CLOCK_FIELDS[c][tr] = {c .. ':due', c .. ':met', c .. ':' .. tr, c .. ':start', c .. ':breached',
      'status', 'officer', 'topic', 'outlet_tier', 'release', 'created', 'outlet', 'policy', 'subject', 'channel', 'lang'}
  end
end

local claimed = 0
local recorded = {warned = 0, breached = 0, escalated = 0}

-- transition records tr for clock of ref, claimed at its scheduled time
-- score, when the enquiry still wants it. sched holds the clock's
-- schedule fields as this sweep knows them (updated on a reschedule or a
-- breach's escalation).
local function transition(ref, clock, tr, score, sched)
  local enq = k('enq:' .. ref)
  local f = redis.call('HMGET', enq, unpack(CLOCK_FIELDS[clock][tr]))
  local dueAt = tonumber(f[1] or '')
  local ok = dueAt ~= nil and score ~= nil and not nonempty(f[2]) and not nonempty(f[3]) and f[6] ~= 'resolved'
    and not (clock == 'resolution' and f[6] == 'waiting')
  if ok and tr == 'escalated' and not nonempty(f[5]) then ok = false end
  -- A due time moved later without its schedule following (never by the
  -- clock library; defensive): schedule it again instead.
  if ok and tr == 'breached' and dueAt > now then
    sched[tr] = dueAt
    redis.call('HSET', enq, AT_FIELD[clock][tr], ms(dueAt))
    ok = false
  elseif ok and tr == 'warned' and dueAt - warn_before > now then
    sched[tr] = dueAt - warn_before
    redis.call('HSET', enq, AT_FIELD[clock][tr], ms(dueAt - warn_before))
    ok = false
  end
  if not ok then return end
  recorded[tr] = recorded[tr] + 1
  local at = score
  if tr == 'breached' then at = dueAt end
  if tr == 'warned' and nonempty(f[4]) and tonumber(f[4]) > at then at = tonumber(f[4]) end
  redis.call('HSET', enq, clock .. ':' .. tr, ms(at))
  if tr == 'breached' then
    sched.escalated = at + after
    redis.call('HSET', enq, AT_FIELD[clock].escalated, ms(at + after))
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

-- wake sweeps one enquiry: its schedule fields read at once, each
-- transition due by now claimed and recorded in order (all its warnings,
-- then breaches, then escalations, each soonest first), then its next
-- wake set from what is left.
local function wake(ref)
  local enq = k('enq:' .. ref)
  local v = redis.call('HMGET', enq, unpack(SCHED_FIELDS))
  local sched = {}
  for i, c in ipairs(CLOCKS) do
    local s = {}
    for j, tr in ipairs(CLOCK_TRANSITIONS) do
      local x = v[(i - 1) * 3 + j]
      if x then s[tr] = tonumber(x) or now end
    end
    sched[c] = s
  end
  for _, tr in ipairs(CLOCK_TRANSITIONS) do
    local due = {}
    for _, c in ipairs(CLOCKS) do
      local at = sched[c][tr]
      if at and at <= now then due[#due + 1] = {c, at} end
    end
    if #due > 1 then table.sort(due, function(a, b) return a[2] < b[2] end) end
    for _, d in ipairs(due) do
      local c, at = d[1], d[2]
      if redis.call('HDEL', enq, AT_FIELD[c][tr]) == 1 then
        claimed = claimed + 1
        sched[c][tr] = nil
        transition(ref, c, tr, at, sched[c])
      end
    end
  end
  local next = nil
  for _, c in ipairs(CLOCKS) do
    for _, tr in ipairs(CLOCK_TRANSITIONS) do
      local at = sched[c][tr]
      if at and (next == nil or at < next) then next = at end
    end
  end
  if next then
    redis.call('ZADD', CLOCK_WAKE, ms(next), ref)
  else
    redis.call('ZREM', CLOCK_WAKE, ref)
  end
end

local more = 0
if clock_migrate(limit) > 0 then more = 1 end
local refs = redis.call('ZRANGEBYSCORE', CLOCK_WAKE, '-inf', ARGV[3], 'LIMIT', 0, limit)
for _, ref in ipairs(refs) do wake(ref) end
if #refs >= limit then more = 1 end
return {claimed, recorded.warned, recorded.breached, recorded.escalated, more}
