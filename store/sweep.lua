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
-- notice_key(ref, clock, tr, due), notice_enqueue(key, notice) and
-- notice_flush(), called once at the end; see
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
-- What a transition reads of its clock and of the enquiry, built once.
local CLOCK_FIELDS = {}
for _, c in ipairs(CLOCK_NAMES) do
  CLOCK_FIELDS[c] = {}
  for _, tr in ipairs(CLOCK_TRANSITIONS) do
    CLOCK_FIELDS[c][tr] = {c .. ':due', c .. ':met', c .. ':' .. tr, c .. ':start', c .. ':breached',
      'status', 'officer', 'topic', 'outlet_tier', 'release', 'created', 'outlet', 'policy', 'subject', 'channel', 'lang'}
  end
end

local claimed = 0
local recorded = {warned = 0, breached = 0, escalated = 0}
-- The next wakes and the enquiries with none left, written once at the
-- end (one ZADD, one ZREM).
local wakes, unwake = {}, {}

-- transition records tr for clock of ref, claimed at its scheduled time
-- score, when the enquiry still wants it. t is the enquiry's schedule as
-- this sweep knows it (sched slots) and w the fields this wake has
-- recorded (field → value); the caller writes both back in one HSET.
local function transition(ref, clock, tr, score, t, w)
  local enq = k('enq:' .. ref)
  local slot = CLOCK_SLOT[clock]
  local f = redis.call('HMGET', enq, unpack(CLOCK_FIELDS[clock][tr]))
  -- What this wake recorded before (a breach before its escalation).
  f[3] = w.values[clock .. ':' .. tr] or f[3]
  f[5] = w.values[clock .. ':breached'] or f[5]
  local dueAt = tonumber(f[1] or '')
  local ok = dueAt ~= nil and score ~= nil and not nonempty(f[2]) and not nonempty(f[3]) and f[6] ~= 'resolved'
    and not (clock == 'resolution' and f[6] == 'waiting')
  if ok and tr == 'escalated' and not nonempty(f[5]) then ok = false end
  -- A due time moved later without its schedule following (never by the
  -- clock library; defensive): schedule it again instead.
  if ok and tr == 'breached' and dueAt > now then
    t[slot[tr]] = dueAt
    ok = false
  elseif ok and tr == 'warned' and dueAt - warn_before > now then
    t[slot[tr]] = dueAt - warn_before
    ok = false
  end
  if not ok then return end
  recorded[tr] = recorded[tr] + 1
  local at = score
  if tr == 'breached' then at = dueAt end
  if tr == 'warned' and nonempty(f[4]) and tonumber(f[4]) > at then at = tonumber(f[4]) end
  w.put(clock .. ':' .. tr, ms(at))
  if tr == 'breached' then t[slot.escalated] = at + after end
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

-- wake sweeps one enquiry: its schedule read (one field), each
-- transition due by now claimed and recorded in order (all its warnings,
-- then breaches, then escalations, each soonest first), the schedule
-- written back and its next wake gathered from what is left. Claiming is
-- taking the slot off the schedule this script read: the whole call is
-- atomic, so no other sweep can claim it too.
local function wake(ref)
  local enq = k('enq:' .. ref)
  local t, legacy = sched_load(enq)
  local changed = legacy
  local w = {values = {}, list = {}}
  w.put = function(field, value)
    w.values[field] = value
    w.list[#w.list + 1], w.list[#w.list + 2] = field, value
  end
  for _, tr in ipairs(CLOCK_TRANSITIONS) do
    local due = {}
    for _, c in ipairs(CLOCK_NAMES) do
      local at = t[CLOCK_SLOT[c][tr]]
      if at ~= 0 and at <= now then due[#due + 1] = {c, at} end
    end
    if #due > 1 then table.sort(due, function(a, b) return a[2] < b[2] end) end
    for _, d in ipairs(due) do
      local c, at = d[1], d[2]
      claimed = claimed + 1
      changed = true
      t[CLOCK_SLOT[c][tr]] = 0
      transition(ref, c, tr, at, t, w)
    end
  end
  if changed then
    redis.call('HSET', enq, 'sched', sched_encode(t), unpack(w.list))
    if legacy then redis.call('HDEL', enq, unpack(SCHED_LEGACY_FIELDS)) end
  end
  local next = sched_soonest(t)
  if next then
    wakes[#wakes + 1], wakes[#wakes + 2] = ms(next), ref
  else
    unwake[#unwake + 1] = ref
  end
end

-- Redis takes at most a few thousand arguments from Lua at once.
local function call_chunked(cmd, key, list)
  for from = 1, #list, 4000 do
    redis.call(cmd, key, unpack(list, from, math.min(#list, from + 3999)))
  end
end

local more = 0
if clock_migrate(limit) > 0 then more = 1 end
local refs = redis.call('ZRANGEBYSCORE', CLOCK_WAKE, '-inf', ARGV[3], 'LIMIT', 0, limit)
for _, ref in ipairs(refs) do wake(ref) end
call_chunked('ZADD', CLOCK_WAKE, wakes)
call_chunked('ZREM', CLOCK_WAKE, unwake)
notice_flush()
if #refs >= limit then more = 1 end
return {claimed, recorded.warned, recorded.breached, recorded.escalated, more}
