-- The notice step of the clock sweep: who hears of a transition and the
-- durable notice queued for them. store composes this file into its
-- sweep script (store.NewClockSweep) between the clock library and the
-- sweep driver, so the transition and its notice are one atomic step, yet
-- only this package names its notice keys.
--
-- ARGV[6]  escalation manager (officer id)
local notice_manager = ARGV[6]

-- notice_to: a warning goes to the officer (the manager when nobody has
-- it); a breach to the manager; an escalation to the manager and the officer.
local function notice_to(tr, officer)
  local to = {}
  if tr == 'warned' then
    to[1] = nonempty(officer) and officer or notice_manager
  else
    to[1] = notice_manager
    if tr == 'escalated' and nonempty(officer) and officer ~= notice_manager then to[2] = officer end
  end
  return to
end

-- notice_key identifies one transition's notice (idempotency key).
local function notice_key(ref, clock, tr, due)
  return 'sla:' .. ref .. ':' .. clock .. ':' .. tr .. ':' .. due
end

-- notice_enqueue stores the notice once; notice_flush, at the end of the
-- sweep, queues every notice stored for delivery now in one ZADD.
local notice_queued = {}
local function notice_enqueue(key, notice)
  if redis.call('HSETNX', k('sla:notices'), key, cjson.encode(notice)) == 1 then
    notice_queued[#notice_queued + 1] = ARGV[3]
    notice_queued[#notice_queued + 1] = key
  end
end
local function notice_flush()
  for from = 1, #notice_queued, 4000 do
    redis.call('ZADD', k('sla:notify'), unpack(notice_queued, from, math.min(#notice_queued, from + 3999)))
  end
  notice_queued = {}
end
