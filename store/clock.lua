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
-- The schedule: a clock waiting for a transition has the field
-- c:at_warn, c:at_breach or c:at_escalate on the enquiry hash (when, ms):
-- on the warning and breach schedules from the moment it is set, on the
-- escalation schedule once breached. The enquiry itself has one member
-- in P clock:wake, scored no later than its earliest such field, so a
-- new enquiry with three clocks costs one sorted-set member, not six.
-- Writers only ever bring a wake forward (ZADD LT); the sweep (sweep.lua)
-- takes the enquiries whose wake has come, records what is due and sets
-- the next wake from what is left (none: the member goes). A wake that
-- finds nothing due (its clock was met meanwhile) just moves on.
--
-- The schedule zsets of earlier versions, P sla:warn, P sla:breach and
-- P sla:escalate (member "<ref>|<clock>"), are only read: the sweep moves
-- their members onto the enquiries (clock_migrate), and taking a clock off
-- the schedule removes it from them too, so no clock is lost or revived
-- across an upgrade.
local P = ARGV[1]
local function k(s) return P .. s end
local function nonempty(s) return s and s ~= '' and s ~= cjson.null end
local function ms(n) return string.format('%.0f', n) end

local CLOCK_WAKE = k('clock:wake')
-- The field of the enquiry hash holding when clock c is due transition tr.
local CLOCK_AT = {warned = ':at_warn', breached = ':at_breach', escalated = ':at_escalate'}
local CLOCK_TRANSITIONS = {'warned', 'breached', 'escalated'}
local CLOCK_LEGACY = {warned = k('sla:warn'), breached = k('sla:breach'), escalated = k('sla:escalate')}

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
-- and breach schedules.
local function clock_schedule(ref, clock, start, due, wb)
  local w = clock_warn_at(start, due, wb)
  redis.call('HSET', k('enq:' .. ref), clock .. CLOCK_AT.warned, w, clock .. CLOCK_AT.breached, ms(tonumber(due)))
  clock_wake(ref, w)
end

-- clock_set (re)starts a clock: due and start recorded, any earlier
-- outcome forgotten (and a pending escalation with it), scheduled.
local function clock_set(ref, clock, due, start, wb)
  local enq = k('enq:' .. ref)
  redis.call('HSET', enq, clock .. ':due', ms(tonumber(due)), clock .. ':start', start)
  redis.call('HDEL', enq, clock .. ':met', clock .. ':warned', clock .. ':breached', clock .. ':escalated',
    clock .. CLOCK_AT.escalated)
  clock_schedule(ref, clock, start, due, wb)
end

-- clock_unschedule takes a clock off every schedule (met, paused,
-- resolved). The enquiry's wake stays: when it comes, the sweep finds
-- nothing due for this clock and moves on.
local function clock_unschedule(ref, clock)
  redis.call('HDEL', k('enq:' .. ref), clock .. CLOCK_AT.warned, clock .. CLOCK_AT.breached, clock .. CLOCK_AT.escalated)
  local member = ref .. '|' .. clock
  for _, tr in ipairs(CLOCK_TRANSITIONS) do redis.call('ZREM', CLOCK_LEGACY[tr], member) end
end

-- clock_migrate moves up to limit members of the earlier schedule zsets
-- onto their enquiries (a field set since, by clock_set, is newer and
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
      if ref and redis.call('EXISTS', k('enq:' .. ref)) == 1 then
        if redis.call('HSETNX', k('enq:' .. ref), clock .. CLOCK_AT[tr], score) == 1 then
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
