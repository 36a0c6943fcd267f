-- The clock library: every SLA clock transition of an enquiry lives here
-- (set, met, pause and resume, next response, warn, breach, escalate, and
-- the one warnAt rule). Redis scripts cannot require a module, so this
-- file is the prelude of every script that touches a clock: clocklib.go
-- prepends it at load time (commit.lua, actions.lua, sweep.lua).
--
-- Every including script takes the key prefix as ARGV[1].
--
-- Keys: the enquiry hash P enq:<ref> (fields c:due, c:start, c:met,
-- c:warned, c:breached, c:escalated per clock c), its timeline, and the
-- schedules: one zset per transition, P sla:warn, P sla:breach and
-- P sla:escalate (historical sla: names; only this library writes them),
-- member "<ref>|<clock>", scored by when the sweep records the
-- transition (ms).
--
-- A clock is scheduled a step at a time, each step when the one before
-- it happens: setting a clock puts it on the warning schedule only; the
-- sweep that records its warning puts it on the breach schedule (at its
-- due time), and the breach puts it on the escalation schedule. Meeting
-- the clock takes it off all three. Most clocks are met before they warn,
-- so most never reach the breach schedule: a new enquiry's three clocks
-- are three members, and meeting one is three ZREMs that mostly find
-- nothing (docs/design.md "Clocks": this was measured against one wake
-- member per enquiry with its schedule on the enquiry hash, which made
-- the commit cheaper but the enquiry's whole life dearer).
--
-- The schedule of the version before (P clock:wake, one member per
-- enquiry, and the enquiry hash fields c:at_warn, c:at_breach,
-- c:at_escalate) is only read: the sweep moves it onto the schedules
-- (clock_migrate), so no clock is lost across the upgrade; one met
-- meanwhile comes back as a member that the sweep finds met and drops.
local P = ARGV[1]
local function k(s) return P .. s end
local function nonempty(s) return s and s ~= '' and s ~= cjson.null end
-- ms formats a time in ms. '%d' (an integer conversion, truncating like
-- Go's UnixMilli) is several times cheaper in Redis's Lua than '%.0f'.
local function ms(n) return string.format('%d', n) end

local CLOCK_NAMES = {'acknowledge', 'first_response', 'next_response', 'resolution'}
local CLOCK_TRANSITIONS = {'warned', 'breached', 'escalated'}
local CLOCK_SCHEDULE = {warned = k('sla:warn'), breached = k('sla:breach'), escalated = k('sla:escalate')}
-- The version before's schedule (clock_migrate).
local CLOCK_WAKE = k('clock:wake')
local CLOCK_AT = {warned = ':at_warn', breached = ':at_breach', escalated = ':at_escalate'}

-- clock_warn_at: warn_before ahead of due, but not before half the clock
-- has run (store.WarnAt is the same rule, for Go callers that pre-compute
-- the scores of a new enquiry's clocks).
local function clock_warn_at(start, due, wb)
  local s, d = tonumber(start) or 0, tonumber(due)
  local w = d - (tonumber(wb) or 0)
  if s > 0 and s < d and s + (d - s) / 2 > w then w = s + (d - s) / 2 end
  return ms(w)
end

-- clock_schedule puts a clock running from start to due on the warning
-- schedule, and off the later ones (its breach is scheduled when it warns).
local function clock_schedule(ref, clock, start, due, wb)
  local member = ref .. '|' .. clock
  redis.call('ZADD', CLOCK_SCHEDULE.warned, clock_warn_at(start, due, wb), member)
  redis.call('ZREM', CLOCK_SCHEDULE.breached, member)
  redis.call('ZREM', CLOCK_SCHEDULE.escalated, member)
end

-- clock_set (re)starts a clock: due and start recorded, any earlier
-- outcome forgotten (and a pending breach or escalation with it),
-- scheduled.
local function clock_set(ref, clock, due, start, wb)
  local enq = k('enq:' .. ref)
  redis.call('HSET', enq, clock .. ':due', ms(tonumber(due)), clock .. ':start', start)
  redis.call('HDEL', enq, clock .. ':met', clock .. ':warned', clock .. ':breached', clock .. ':escalated')
  clock_schedule(ref, clock, start, due, wb)
end

-- clock_unschedule takes clocks (one, or a list) off every schedule (met,
-- paused, resolved).
local function clock_unschedule(ref, clocks)
  if type(clocks) ~= 'table' then clocks = {clocks} end
  for _, clock in ipairs(clocks) do
    local member = ref .. '|' .. clock
    redis.call('ZREM', CLOCK_SCHEDULE.warned, member)
    redis.call('ZREM', CLOCK_SCHEDULE.breached, member)
    redis.call('ZREM', CLOCK_SCHEDULE.escalated, member)
  end
end

-- clock_migrate moves up to limit enquiries of the version before's
-- schedule (P clock:wake and their c:at_* fields) onto the schedules.
-- A member set since (by clock_set) is newer and keeps its score. Returns
-- how many enquiries it moved.
local function clock_migrate(limit)
  local refs = redis.call('ZRANGE', CLOCK_WAKE, 0, limit - 1)
  if #refs == 0 then return 0 end
  local fields = {}
  for _, c in ipairs(CLOCK_NAMES) do
    for _, tr in ipairs(CLOCK_TRANSITIONS) do fields[#fields + 1] = c .. CLOCK_AT[tr] end
  end
  for _, ref in ipairs(refs) do
    local enq = k('enq:' .. ref)
    local v = redis.call('HMGET', enq, unpack(fields))
    local i = 0
    for _, c in ipairs(CLOCK_NAMES) do
      for _, tr in ipairs(CLOCK_TRANSITIONS) do
        i = i + 1
        if v[i] then redis.call('ZADD', CLOCK_SCHEDULE[tr], 'NX', v[i], ref .. '|' .. c) end
      end
    end
    redis.call('HDEL', enq, unpack(fields))
  end
  redis.call('ZREM', CLOCK_WAKE, unpack(refs))
  return #refs
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
