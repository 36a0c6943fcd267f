-- The outbox's state machine, one atomic step per call. Dispatch on
-- ARGV[2]; ARGV[1] is the key prefix, ARGV[3] a JSON argument. KEYS[1] is
-- the outbox stream (declared for Cluster routing; every key shares the
-- prefix's hash tag).
--
-- A job is the hash P outbox:job:<key>; its state is one of
--   queued     in the stream, waiting for a sender
--   sending    a sender holds it (owner, lease_until); phase "connect"
--              until the message body is written, "dot" from just before
--              the final "." of DATA
--   retrying   a temporary failure; due again at next_at (P outbox:delayed)
--   sent       the server accepted it (recorded = 1 once the enquiry knows)
--   failed     a permanent failure, or too many temporary ones
--   suppressed never sent, by policy (reason says why)
-- P outbox:counts keeps the number of jobs in each state.
local P = ARGV[1]
local action = ARGV[2]
local a = cjson.decode(ARGV[3])
local function k(s) return P .. s end
local function nonempty(s) return s and s ~= '' and s ~= cjson.null end
local stream = KEYS[1]
local counts = k('outbox:counts')

local function job(key) return k('outbox:job:' .. key) end

-- P outbox:active holds jobs that should be in the stream (queued or
-- sending), scored by when they got there, so the janitor in 'promote'
-- can put back one whose stream entry was lost (trimmed, or dropped with
-- a consumer).
local active = k('outbox:active')

local function move(j, from, to)
  if from == to then return end
  if nonempty(from) then redis.call('HINCRBY', counts, from, -1) end
  redis.call('HINCRBY', counts, to, 1)
  redis.call('HSET', j, 'state', to)
  local key = redis.call('HGET', j, 'key')
  if to == 'queued' or to == 'sending' then
    redis.call('ZADD', active, a.wall, key)
  else
    redis.call('ZREM', active, key)
  end
end

-- to_sent marks a job sent, counting it when it may have gone twice.
local function to_sent(j, from)
  move(j, from, 'sent')
  if redis.call('HGET', j, 'possible_duplicate') == '1' then
    redis.call('HINCRBY', counts, 'possible_duplicates', 1)
  end
end

local function ack(id)
  if nonempty(id) then redis.call('XACK', stream, a.group, id) end
end

if action == 'enqueue' then
  -- Idempotent by key: the same key again returns what became of it.
  local j = job(a.key)
  local state = redis.call('HGET', j, 'state')
  if state then return {'exists', state, redis.call('HGET', j, 'reason') or ''} end
  local reason = a.suppress or ''
  if reason == '' and type(a.rates) == 'table' then
    -- At most r.limit jobs per r.key within r.window ms, for every rate;
    -- the first rate at its limit suppresses the job (and counts it), a
    -- job that goes ahead counts against all of them.
    local hit = nil
    for _, r in ipairs(a.rates) do
      local rk = k(r.key)
      redis.call('ZREMRANGEBYSCORE', rk, '-inf', string.format('%.0f', tonumber(a.now) - tonumber(r.window)))
      if redis.call('ZCARD', rk) >= tonumber(r.limit) then
        hit = r
        break
      end
    end
    if hit then
      reason = hit.reason
      if nonempty(hit.count) then redis.call('HINCRBY', counts, hit.count, 1) end
    else
      for _, r in ipairs(a.rates) do
        redis.call('ZADD', k(r.key), a.now, a.key)
        redis.call('PEXPIRE', k(r.key), r.window)
      end
    end
  end
  local fields = {'key', a.key, 'created', a.now, 'updated', a.now, 'attempts', '0'}
  for name, value in pairs(a.fields) do
    table.insert(fields, name)
    table.insert(fields, value)
  end
  redis.call('HSET', j, unpack(fields))
  if nonempty(a.fields.ref) then
    redis.call('ZADD', k('outbox:enq:' .. a.fields.ref), a.now, a.key)
  end
  redis.call('ZADD', k('outbox:recent'), a.now, a.key)
  if reason ~= '' then
    redis.call('HSET', j, 'reason', reason)
    move(j, nil, 'suppressed')
    return {'suppressed', 'suppressed', reason}
  end
  if nonempty(a.fields.mid) then
    redis.call('HSET', k('outbox:mids'), a.fields.mid, a.key)
  end
  move(j, nil, 'queued')
  redis.call('XADD', stream, 'MAXLEN', '~', '100000', '*', 'key', a.key)
  return {'queued', 'queued', ''}
end

if action == 'begin' then
  -- A sender wants to send key. Returns {verdict, detail}:
  --   send  go ahead (detail: the attempt number)
  --   post  already sent: finish the records, then XACK
  --   done  nothing to do (failed, suppressed, waiting to retry): XACK
  --   busy  another live sender holds it: leave the entry alone
  local j = job(a.key)
  local f = redis.call('HMGET', j, 'state', 'owner', 'lease_until', 'phase', 'possible_duplicate')
  local state = f[1]
  if not state then return {'done', 'gone'} end
  if state == 'sent' then return {'post', ''} end
  if state ~= 'queued' and state ~= 'sending' then return {'done', state} end
  if state == 'sending' then
    if f[2] ~= a.owner and tonumber(f[3] or '0') > tonumber(a.wall) then
      return {'busy', f[2] or ''}
    end
    -- The holder died (or lost its lease) mid-send.
    if f[4] == 'dot' then
      -- It had begun the final "." of DATA: the server may have accepted
      -- the message. Send again at most once, flagged.
      if f[5] == '1' then
        -- Already resent once after such a crash: never a third time.
        to_sent(j, state)
        redis.call('HSET', j, 'sent_at', a.now, 'updated', a.now, 'unconfirmed', '1',
          'smtp_reply', 'unconfirmed: the sender died twice after the end of DATA; not sent a third time')
        redis.call('HDEL', j, 'owner', 'lease_until', 'phase')
        return {'post', 'unconfirmed'}
      end
      redis.call('HSET', j, 'possible_duplicate', '1',
        'duplicate_reason', 'a sender died between the end of DATA and recording the reply; sent again')
    end
  end
  move(j, state, 'sending')
  local attempts = redis.call('HINCRBY', j, 'attempts', 1)
  redis.call('HSET', j, 'owner', a.owner, 'lease_until', string.format('%.0f', tonumber(a.wall) + tonumber(a.lease)),
    'phase', 'connect', 'updated', a.now)
  return {'send', tostring(attempts)}
end

if action == 'phase' then
  -- The holder is about to finish DATA: from here on a crash leaves the
  -- delivery uncertain. Refused when the holder no longer owns the job.
  local j = job(a.key)
  local f = redis.call('HMGET', j, 'state', 'owner')
  if f[1] ~= 'sending' or f[2] ~= a.owner then return {'lost', f[2] or ''} end
  redis.call('HSET', j, 'phase', a.phase)
  return {'ok', ''}
end

if action == 'sent' then
  local j = job(a.key)
  local state = redis.call('HGET', j, 'state')
  if state ~= 'sending' then return {'noop', state or ''} end
  to_sent(j, state)
  redis.call('HSET', j, 'sent_at', a.now, 'updated', a.now, 'smtp_reply', a.reply)
  redis.call('HDEL', j, 'owner', 'lease_until', 'phase')
  return {'ok', ''}
end

if action == 'recorded' then
  -- The enquiry knows about the sent message; a copy for the Sent folder
  -- is queued when the job has one.
  local j = job(a.key)
  if redis.call('HGET', j, 'recorded') == '1' then return {'noop', ''} end
  redis.call('HSET', j, 'recorded', '1', 'updated', a.now)
  local f = redis.call('HMGET', j, 'append', 'appended')
  if nonempty(f[1]) and f[2] ~= '1' then
    redis.call('ZADD', k('outbox:toappend'), a.now, a.key)
  end
  ack(a.id)
  return {'ok', ''}
end

if action == 'appended' then
  local j = job(a.key)
  redis.call('HSET', j, 'appended', '1')
  redis.call('ZREM', k('outbox:toappend'), a.key)
  return {'ok', ''}
end

if action == 'retry' then
  -- A temporary failure: due again at next_at, or failed after too many.
  local j = job(a.key)
  local f = redis.call('HMGET', j, 'state', 'owner', 'attempts')
  if f[1] ~= 'sending' or f[2] ~= a.owner then ack(a.id) return {'noop', f[1] or ''} end
  redis.call('HDEL', j, 'owner', 'lease_until', 'phase')
  redis.call('HSET', j, 'last_error', a.error, 'updated', a.now)
  if a.uncertain then
    -- The connection broke after the end of DATA: the server may have
    -- accepted it. Send again at most once, flagged.
    if redis.call('HGET', j, 'possible_duplicate') == '1' then
      to_sent(j, 'sending')
      redis.call('HSET', j, 'sent_at', a.now, 'unconfirmed', '1',
        'smtp_reply', 'unconfirmed: the connection broke twice after the end of DATA; not sent a third time')
      return {'post', ''}
    end
    redis.call('HSET', j, 'possible_duplicate', '1',
      'duplicate_reason', 'the connection broke between the end of DATA and the reply; sent again')
  end
  if tonumber(f[3] or '0') >= tonumber(a.max_attempts) then
    move(j, 'sending', 'failed')
    redis.call('HSET', j, 'failed_at', a.now, 'last_error', 'gave up after ' .. f[3] .. ' attempts: ' .. a.error)
    ack(a.id)
    return {'failed', ''}
  end
  move(j, 'sending', 'retrying')
  redis.call('HSET', j, 'next_at', a.next_at)
  redis.call('ZADD', k('outbox:delayed'), a.next_at, a.key)
  ack(a.id)
  return {'retrying', a.next_at}
end

if action == 'fail' then
  local j = job(a.key)
  local f = redis.call('HMGET', j, 'state', 'owner')
  if f[1] ~= 'sending' or f[2] ~= a.owner then ack(a.id) return {'noop', f[1] or ''} end
  redis.call('HDEL', j, 'owner', 'lease_until', 'phase')
  move(j, 'sending', 'failed')
  redis.call('HSET', j, 'last_error', a.error, 'failed_at', a.now, 'updated', a.now)
  ack(a.id)
  return {'failed', ''}
end

if action == 'promote' then
  -- Due retries back into the stream, each exactly once.
  local due = redis.call('ZRANGEBYSCORE', k('outbox:delayed'), '-inf', a.wall, 'LIMIT', 0, a.limit)
  local n = 0
  for _, key in ipairs(due) do
    redis.call('ZREM', k('outbox:delayed'), key)
    local j = job(key)
    if redis.call('HGET', j, 'state') == 'retrying' then
      move(j, 'retrying', 'queued')
      redis.call('HSET', j, 'updated', a.now)
      redis.call('XADD', stream, 'MAXLEN', '~', '100000', '*', 'key', key)
      n = n + 1
    end
  end
  -- The janitor: a job queued or sending for far longer than any sender
  -- takes (stale ms) has lost its stream entry; add it again. A second
  -- entry for a job is harmless: 'begin' sees what became of it.
  if nonempty(a.stale) then
    local cutoff = string.format('%.0f', tonumber(a.wall) - tonumber(a.stale))
    for _, key in ipairs(redis.call('ZRANGEBYSCORE', active, '-inf', cutoff, 'LIMIT', 0, 20)) do
      local j = job(key)
      local f = redis.call('HMGET', j, 'state', 'lease_until')
      if f[1] == 'queued' or (f[1] == 'sending' and tonumber(f[2] or '0') <= tonumber(a.wall)) then
        redis.call('XADD', stream, 'MAXLEN', '~', '100000', '*', 'key', key)
        redis.call('ZADD', active, a.wall, key)
      elseif f[1] ~= 'sending' then
        redis.call('ZREM', active, key)
      else
        redis.call('ZADD', active, a.wall, key)
      end
    end
  end
  return {'ok', tostring(n)}
end

if action == 'requeue' then
  -- An operator's retry of a failed job.
  local j = job(a.key)
  local state = redis.call('HGET', j, 'state')
  if state ~= 'failed' then return {'noop', state or ''} end
  move(j, state, 'queued')
  redis.call('HSET', j, 'attempts', '0', 'updated', a.now)
  redis.call('HDEL', j, 'failed_at')
  redis.call('XADD', stream, 'MAXLEN', '~', '100000', '*', 'key', a.key)
  return {'ok', ''}
end

return redis.error_reply('unknown action ' .. action)
