-- The clock library: every SLA clock transition of an enquiry lives here
-- (set, met, pause and resume, next response, warn, breach, escalate, and
-- the one warnAt rule). Redis scripts cannot require a module, so this
-- file is the prelude of every script that touches a clock: clocklib.go
-- prepends it at load time (commit.lua, actions.lua, sweep.lua).
--
-- Every including script takes the key prefix as ARGV[1].
--
-- Keys: the enquiry hash P enq:<ref> (fields c:due, c:start, c:met,
-- c:warned, c:breached, c:escalated per clock c) and its timeline.
--
-- The schedule: when each clock waits for a transition is one field of
-- the enquiry hash, sched: twelve comma-separated slots, for each clock of
-- CLOCK_NAMES its warning, breach and escalation (ms, 0 when not
-- scheduled), e.g. "1700000000000,1700000900000,0,0,0,0,0,0,0,0,0,0" for a
-- holding reply due at ...900000. A clock is on the warning and breach schedules
-- from the moment it is set, on the escalation schedule once breached.
-- One field, not a field per slot: the enquiry hash is a listpack, where
-- every field asked for or written is a scan of the hash, so the sweep's
-- read and each transition's write cost one scan instead of twelve
-- (docs/design.md "Clocks"). The enquiry itself has one member in
-- P clock:wake, scored no later than its earliest slot, so a new enquiry
-- with three clocks costs one sorted-set member, not six. Setting a clock
-- brings the wake forward (ZADD LT); taking one off the schedule moves
-- the wake to the soonest slot left, so a met clock wakes nobody; the
-- sweep (sweep.lua) takes the enquiries whose wake has come, records what
-- is due and sets the next wake from what is left (none: the member goes).
--
-- Earlier versions kept the schedule elsewhere, and both are still read:
-- the fields c:at_warn, c:at_breach, c:at_escalate (one per slot; an
-- enquiry with no sched field has them: sched_load reads them, sched_save
-- replaces them with sched), and before those the zsets P sla:warn,
-- P sla:breach and P sla:escalate (member "<ref>|<clock>"), which the
-- sweep moves onto the enquiries (clock_migrate); taking a clock off the
-- schedule removes it from them too, so no clock is lost or revived
-- across an upgrade.
local P = ARGV[1]
local function k(s) return P .. s end
local function nonempty(s) return s and s ~= '' and s ~= cjson.null end
-- ms formats a time in ms. '%d' (an integer conversion, truncating like
-- Go's UnixMilli) is several times cheaper in Redis's Lua than '%.0f'.
local function ms(n) return string.format('%d', n) end

local CLOCK_WAKE = k('clock:wake')
local CLOCK_NAMES = {'acknowledge', 'first_response', 'next_response', 'resolution'}
local CLOCK_TRANSITIONS = {'warned', 'breached', 'escalated'}
-- CLOCK_SLOT[c][tr] is the slot of clock c's transition tr in sched.
local CLOCK_SLOT = {}
for i, c in ipairs(CLOCK_NAMES) do
  CLOCK_SLOT[c] = {}
  for j, tr in ipairs(CLOCK_TRANSITIONS) do CLOCK_SLOT[c][tr] = (i - 1) * 3 + j end
end
local SCHED_SLOTS = #CLOCK_NAMES * #CLOCK_TRANSITIONS
local CLOCK_LEGACY = {warned = k('sla:warn'), breached = k('sla:breach'), escalated = k('sla:escalate')}
-- The per-slot fields of the version before sched, in slot order.
local SCHED_LEGACY_FIELDS = {}
for _, c in ipairs(CLOCK_NAMES) do
  for _, f in ipairs({':at_warn', ':at_breach', ':at_escalate'}) do
    SCHED_LEGACY_FIELDS[#SCHED_LEGACY_FIELDS + 1] = c .. f
  end
end

-- sched_decode reads a sched field into SCHED_SLOTS numbers (0: not
-- scheduled). The field is a JSON array's inside, so cjson reads it.
local function sched_decode(s)
  local ok, t = pcall(cjson.decode, '[' .. s .. ']')
  if not ok or type(t) ~= 'table' then
    -- Not written by this library (a slot left empty): slot by slot.
    t = {}
    local i = 0
    for x in string.gmatch(s .. ',', '([^,]*),') do
      i = i + 1
      t[i] = tonumber(x) or 0
    end
  end
  for i = 1, SCHED_SLOTS do
    if type(t[i]) ~= 'number' then t[i] = 0 end
  end
  return t
end

local function sched_encode(t)
  local parts = {}
  for i = 1, SCHED_SLOTS do
    local at = t[i]
    parts[i] = (at == 0) and '0' or ms(at)
  end
  return table.concat(parts, ',')
end

-- sched_soonest is the earliest scheduled slot, or nil.
local function sched_soonest(t)
  local soonest = nil
  for i = 1, SCHED_SLOTS do
    local at = t[i]
    if at ~= 0 and (soonest == nil or at < soonest) then soonest = at end
  end
  return soonest
end

-- sched_from_legacy builds the schedule from the per-slot fields' values
-- (HMGET of SCHED_LEGACY_FIELDS); the second result is true when any was
-- set.
local function sched_from_legacy(v)
  local t, any = {}, false
  for i = 1, SCHED_SLOTS do
    t[i] = (v[i] and tonumber(v[i])) or 0
    if v[i] then any = true end
  end
  return t, any
end

-- sched_load reads the enquiry's schedule; legacy is true when it came
-- from the per-slot fields, which sched_save then removes.
local function sched_load(enq)
  local s = redis.call('HGET', enq, 'sched')
  if s then return sched_decode(s), false end
  local t, any = sched_from_legacy(redis.call('HMGET', enq, unpack(SCHED_LEGACY_FIELDS)))
  return t, any
end

local function sched_save(enq, t, legacy)
  redis.call('HSET', enq, 'sched', sched_encode(t))
  if legacy then redis.call('HDEL', enq, unpack(SCHED_LEGACY_FIELDS)) end
end

-- clock_warn_at: warn_before ahead of due, but not before half the clock
-- has run (store.WarnAt is the same rule, for Go callers that pre-compute
-- the scores of a new enquiry's clocks).
local function clock_warn_at(start, due, wb)
  local s, d = tonumber(start) or 0, tonumber(due)
  local w = d - (tonumber(wb) or 0)
  if s > 0 and s < d and s + (d - s) / 2 > w then w = s + (d - s) / 2 end
  return ms(w)
end

-- clock_wake brings the enquiry's wake forward to at (never later).
local function clock_wake(ref, at)
  redis.call('ZADD', CLOCK_WAKE, 'LT', at, ref)
end

-- clock_schedule puts a clock running from start to due on the warning
-- and breach schedules (and, with unescalate, off the escalation one).
local function clock_schedule(ref, clock, start, due, wb, unescalate)
  local enq = k('enq:' .. ref)
  local w = clock_warn_at(start, due, wb)
  local t, legacy = sched_load(enq)
  local slot = CLOCK_SLOT[clock]
  t[slot.warned], t[slot.breached] = tonumber(w), tonumber(due)
  if unescalate then t[slot.escalated] = 0 end
  sched_save(enq, t, legacy)
  clock_wake(ref, w)
end

-- clock_set (re)starts a clock: due and start recorded, any earlier
-- outcome forgotten (and a pending escalation with it), scheduled.
local function clock_set(ref, clock, due, start, wb)
  local enq = k('enq:' .. ref)
  redis.call('HSET', enq, clock .. ':due', ms(tonumber(due)), clock .. ':start', start)
  redis.call('HDEL', enq, clock .. ':met', clock .. ':warned', clock .. ':breached', clock .. ':escalated')
  clock_schedule(ref, clock, start, due, wb, true)
end

-- clock_unschedule takes a clock off every schedule (met, paused,
-- resolved) and moves the enquiry's wake to what is left (none: off
-- clock:wake), so a met clock costs the sweep nothing.
local function clock_unschedule(ref, clock)
  local enq = k('enq:' .. ref)
  local t, legacy = sched_load(enq)
  local slot = CLOCK_SLOT[clock]
  if legacy or t[slot.warned] ~= 0 or t[slot.breached] ~= 0 or t[slot.escalated] ~= 0 then
    t[slot.warned], t[slot.breached], t[slot.escalated] = 0, 0, 0
    sched_save(enq, t, legacy)
    local soonest = sched_soonest(t)
    if soonest then
      redis.call('ZADD', CLOCK_WAKE, ms(soonest), ref)
    else
      redis.call('ZREM', CLOCK_WAKE, ref)
    end
  end
  local member = ref .. '|' .. clock
  for _, tr in ipairs(CLOCK_TRANSITIONS) do redis.call('ZREM', CLOCK_LEGACY[tr], member) end
end

-- clock_migrate moves up to limit members of the earlier schedule zsets
-- onto their enquiries (a slot set since, by clock_set, is newer and
-- stays) and wakes them no later than the member's time. Returns how many
-- members it moved.
local function clock_migrate(limit)
  local moved = 0
  for _, tr in ipairs(CLOCK_TRANSITIONS) do
    local z = CLOCK_LEGACY[tr]
    local ms_ = redis.call('ZRANGE', z, 0, limit - 1, 'WITHSCORES')
    for i = 1, #ms_, 2 do
      local m, score = ms_[i], ms_[i + 1]
      local ref, clock = string.match(m, '^(.+)|([%w_]+)$')
      local enq = ref and k('enq:' .. ref)
      if ref and CLOCK_SLOT[clock] and redis.call('EXISTS', enq) == 1 then
        local t, legacy = sched_load(enq)
        local slot = CLOCK_SLOT[clock][tr]
        if t[slot] == 0 then
          t[slot] = tonumber(score)
          sched_save(enq, t, legacy)
          clock_wake(ref, score)
        end
      end
      redis.call('ZREM', z, m)
      moved = moved + 1
    end
  end
  return moved
end

-- clock_resumed_due: a clock paused at since and resumed at now is due
-- later by the pause.
local function clock_resumed_due(due, since, now)
  return tonumber(due) + (tonumber(now) - tonumber(since))
end

-- clock_resume reschedules a paused clock: due pushed by the pause, its
-- recorded outcomes kept (the officer's resume action).
local function clock_resume(ref, clock, due, since, now, wb)
  local enq = k('enq:' .. ref)
  local d = clock_resumed_due(due, since, now)
  redis.call('HSET', enq, clock .. ':due', ms(d))
  clock_schedule(ref, clock, redis.call('HGET', enq, clock .. ':start'), d, wb)
end

-- clock_next_response_due: a journalist's message received after the desk
-- answered needs a next response within the policy's first-response
-- target, or by their deadline's target when that is sooner.
local function clock_next_response_due(received, frt, deadline_target)
  local due = tonumber(received) + tonumber(frt or '0')
  if nonempty(deadline_target) and tonumber(deadline_target) < due then
    due = tonumber(deadline_target)
  end
  return due
end

-- clock_dims are the reporting dimensions of an enquiry, carried on clock
-- events so rollups need not read the enquiry again.
local function clock_dims(enq)
  local f = redis.call('HMGET', enq, 'topic', 'officer', 'outlet_tier', 'release', 'created', 'outlet', 'policy',
    'channel', 'lang')
  return {topic = f[1] or '', officer = f[2] or '', tier = f[3] or '', release = f[4] or '',
    created = tonumber(f[5] or '0'), outlet = f[6] or '', policy = f[7] or '', channel = f[8] or '', lang = f[9] or ''}
end

-- clock_met marks a clock met at time t (once), unschedules it and hands
-- the clock.met event's data to emit. False when there was no running
-- clock to meet.
local function clock_met(ref, clock, t, by, emit)
  local enq = k('enq:' .. ref)
  local g = redis.call('HMGET', enq, clock .. ':due', clock .. ':met', clock .. ':breached', clock .. ':start')
  if not nonempty(g[1]) or nonempty(g[2]) then return false end
  redis.call('HSET', enq, clock .. ':met', t)
  clock_unschedule(ref, clock)
  local start = tonumber(g[4] or redis.call('HGET', enq, 'created') or t)
  local d = clock_dims(enq)
  d.clock = clock
  d.due = tonumber(g[1])
  d.met = tonumber(t)
  d.elapsed_ms = tonumber(t) - start
  d.within = tonumber(t) <= tonumber(g[1])
  d.breached = tonumber(g[3] or '0') or 0
  d.by = by
  emit('clock.met', d)
  return true
end
