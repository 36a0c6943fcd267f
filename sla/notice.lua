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

-- notice_enqueue stores the notice once and queues it for delivery now.
local function notice_enqueue(key, notice)
  if redis.call('HSETNX', k('sla:notices'), key, cjson.encode(notice)) == 1 then
    redis.call('ZADD', k('sla:notify'), ARGV[3], key)
  end
end
