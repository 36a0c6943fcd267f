-- Commit a chunk of ingested messages, in order: for each, dedupe,
-- thread, record, index, schedule its clocks, count it. Every check of a
-- message happens before its first write, so a failing check leaves
-- nothing behind, and the whole chunk is one script: atomic, and one
-- MULTI/EXEC in the append-only file, so a crash keeps all of it or none.
-- (The folder's cursor is advanced once per batch by the caller;
-- replaying a batch is harmless.)
-- This runs at thousands of messages a second, so it keeps Redis calls
-- per message few (docs/design.md, "What one commit costs"):
--   * writes that nothing later in the chunk reads — the source records,
--     folder counters, the enquiry indexes, the new enquiries' warnings,
--     officer:last — are gathered per key and written once per chunk
--     (flush), and the source records of the chunk are read with one
--     HMGET per folder;
--   * gathered schedule writes are flushed before any clock is set again
--     (a follow-up in the same chunk), so the order of writes to one
--     member never changes;
--   * the caller hands over tables and JSON ready (fields, clocks,
--     timeline, dims), so nothing is built or encoded here.
--
-- KEYS[1]  the events stream (declared so Cluster routes the script)
-- ARGV[1]  key prefix
-- ARGV[2i], ARGV[2i+1] for each message i of the chunk: its JSON input,
--          built by commit.go (see commitInput), and its message document
--          (JSON, stored as is: never decoded here)
-- returns  one {outcome, ref, mkey, detail} per message, or
--          {'error', reason} for a message whose commit failed (the
--          others stand)
-- The clock library (clock.lua) is prepended: P, k, nonempty, clock_*.

-- Gathered writes, flushed in order of first use.
local zadds, zorder = {}, {}
local hsets, horder = {}, {}
local incrs, iorder = {}, {}
local function later_zadd(key, score, member)
  local t = zadds[key]
  if not t then t = {} zadds[key] = t zorder[#zorder + 1] = key end
  t[#t + 1] = score
  t[#t + 1] = member
end
local function later_hset(key, field, value)
  local t = hsets[key]
  if not t then t = {n = 0, at = {}} hsets[key] = t horder[#horder + 1] = key end
  local j = t.at[field]
  if j then t[j + 1] = value return end
  t[t.n + 1], t[t.n + 2] = field, value
  t.at[field] = t.n + 1
  t.n = t.n + 2
end
local function later_incr(key, field)
  local t = incrs[key]
  if not t then t = {} incrs[key] = t end
  if not t[field] then iorder[#iorder + 1] = {key, field} end
  t[field] = (t[field] or 0) + 1
end
-- Redis takes at most a few thousand arguments from Lua at once.
local function call_chunked(cmd, key, list, n)
  local step = 4000
  for from = 1, n, step do
    redis.call(cmd, key, unpack(list, from, math.min(n, from + step - 1)))
  end
end
local function flush()
  for _, key in ipairs(horder) do
    local t = hsets[key]
    call_chunked('HSET', key, t, t.n)
  end
  for _, e in ipairs(iorder) do
    redis.call('HINCRBY', e[1], e[2], incrs[e[1]][e[2]])
  end
  for _, key in ipairs(zorder) do
    local t = zadds[key]
    call_chunked('ZADD', key, t, #t)
  end
  zadds, zorder, hsets, horder, incrs, iorder = {}, {}, {}, {}, {}, {}
end

-- The chunk's inputs, and the source records of its folders read at once.
local inputs, seen_src = {}, {}
do
  local want, worder = {}, {}
  for i = 2, #ARGV, 2 do
    local ok, a = pcall(cjson.decode, ARGV[i])
    if ok and type(a) == 'table' then
      inputs[i] = a
      local w = want[a.srckey]
      if not w then w = {} want[a.srckey] = w worder[#worder + 1] = a.srckey end
      w[#w + 1] = a.uid
    else
      inputs[i] = tostring(a)
    end
  end
  for _, sk in ipairs(worder) do
    local uids = want[sk]
    local got = {}
    for from = 1, #uids, 4000 do
      local part = redis.call('HMGET', k(sk), unpack(uids, from, math.min(#uids, from + 3999)))
      for j = 1, #part do
        if part[j] then got[uids[from + j - 1]] = part[j] end
      end
    end
    seen_src[sk] = got
  end
end

local function commit_one(a, doc)
  local srckey = k(a.srckey)
  local statskey = k(a.statskey)
  local now = a.now
  local srcseen = seen_src[a.srckey]

  -- 1. The same mailbox message again (a crash before the flag, a retry).
  local seen = srcseen[a.uid]
  if seen then
    local ref = redis.call('HGET', k('msg:' .. seen), 'ref') or ''
    return {'dup-source', ref, seen, ''}
  end

  local function record_source(mkey)
    srcseen[a.uid] = mkey
    later_hset(srckey, a.uid, mkey)
  end
  local function count(what)
    later_incr(statskey, what)
  end

  local function event(typ, ref, data)
    redis.call('XADD', KEYS[1], 'MAXLEN', '~', '200000', '*',
      'type', typ, 'ref', ref or '', 'at', now, 'data', data or '')
  end

  local function timeline(ref, ev)
    redis.call('RPUSH', k('enq:' .. ref .. ':tl'), ev)
  end

  local function tl(ref, typ, text, data)
    local ev = {at = tonumber(now), type = typ, by = 'system', text = text}
    if data then ev.data = data end
    timeline(ref, cjson.encode(ev))
  end

  -- 2. Quarantine: the message could not be parsed.
  if a.kind == 'quarantine' then
    local qid = a.mkey
    redis.call('HSET', k('quarantine:' .. qid), 'id', qid, 'at', now, 'reason', a.reason,
      'mailbox', a.mailbox, 'folder', a.folder, 'uidvalidity', a.uidvalidity, 'uid', a.uid,
      'size', a.size, 'header', a.header or '')
    redis.call('ZADD', k('quarantine'), now, qid)
    count('quarantined')
    record_source('q:' .. qid)
    event('message.quarantined', '', cjson.encode({id = qid, reason = a.reason}))
    return {'quarantined', '', qid, a.reason}
  end

  -- 3. The same message seen before under its Message-ID (another folder, a
  -- new UIDVALIDITY, a re-delivery, our own sent mail). A different message
  -- reusing the ID is never merged: it gets its own key.
  local midkey = k(a.midkey)
  local mkey = a.mkey
  local mid = redis.call('HMGET', midkey, 'mkey', 'fp', 'ref', 'own')
  if mid[4] == '1' then
    -- Our own mail (an acknowledgement or reply) seen in a watched folder.
    local own = mid[1] or ('own:' .. a.midkey)
    count('duplicates')
    record_source(own)
    return {'dup-message-id', mid[3] or '', own, 'own message'}
  end
  if mid[1] then
    if mid[2] == a.fp then
      count('duplicates')
      record_source(mid[1])
      return {'dup-message-id', mid[3] or '', mid[1], ''}
    end
    redis.call('HSET', midkey, 'shared', '1')
    midkey = k(a.midkey_alt)
    mkey = a.mkey_alt
    local alt = redis.call('HMGET', midkey, 'mkey', 'ref')
    if alt[1] then
      count('duplicates')
      record_source(alt[1])
      return {'dup-message-id', alt[2] or '', alt[1], ''}
    end
  end

  -- 4. Threading, in order of trust: a reply to our own mail, then to an
  -- earlier message of the thread, then our reference in the subject. A
  -- Message-ID known to be shared by unrelated mail is never followed.
  local target, via = nil, nil
  local function try_refs(want_own)
    for _, rk in ipairs(a.refs) do
      local r = redis.call('HMGET', k(rk), 'ref', 'shared', 'own')
      if nonempty(r[1]) and r[2] ~= '1' and ((r[3] == '1') == want_own) then
        if redis.call('EXISTS', k('enq:' .. r[1])) == 1 then
          return r[1]
        end
      end
    end
    return nil
  end
  target = try_refs(true)
  if target then via = 'reply to our message' end
  if not target then
    target = try_refs(false)
    if target then via = 'references an earlier message' end
  end
  if not target then
    for _, sref in ipairs(a.subject_refs) do
      if redis.call('EXISTS', k('enq:' .. sref)) == 1 then
        target = sref
        via = 'reference in subject'
        break
      end
    end
  end

  local function store_message(ref, kind, direction)
    redis.call('HSET', k('msg:' .. mkey), 'doc', doc, 'ref', ref, 'kind', kind, 'dir', direction)
    redis.call('HSET', midkey, 'mkey', mkey, 'fp', a.fp, 'ref', ref)
    record_source(mkey)
  end

  local msgdata = {mkey = mkey, from = a.from, subject = a.subject}

  -- 5. Automatic mail: recorded, shown on its thread, never an enquiry.
  if a.kind == 'auto' then
    local ref = target or ''
    store_message(ref, 'automatic', 'in')
    later_zadd(k('idx:auto'), a.received, mkey)
    count('automatic')
    if target then
      redis.call('RPUSH', k('enq:' .. ref .. ':msgs'), mkey)
      tl(ref, 'automatic', a.auto_reason, msgdata)
    end
    event('message.automatic', ref, cjson.encode({mkey = mkey, reason = a.auto_reason, from = a.from}))
    return {'automatic', ref, mkey, a.auto_reason}
  end

  local function set_clock(ref, clock, due, start)
    flush() -- gathered schedule writes first: this clock's may be among them
    clock_set(ref, clock, due, start, a.warn_before)
  end

  -- 6. A follow-up from someone already on the enquiry (or the desk itself).
  -- The enquiry's sender is its participant (the from field); enquiries
  -- committed before that rule also have the set enq:<ref>:who.
  local participant = false
  if target then
    participant = (redis.call('HGET', k('enq:' .. target), 'from') or '') == a.from
      or redis.call('SISMEMBER', k('enq:' .. target .. ':who'), a.from) == 1
  end
  -- 6a. One sender cannot flood the queues. sender:<from> holds the
  -- sender's newest enquiries (at most a.slimit), scored by when they came
  -- in. With a.slimit of them inside the window, new mail from the sender
  -- threads into their latest open enquiry (else their latest, which the
  -- follow-up reopens) with a.snote as the reason, instead of opening
  -- another. Normal cost: ZCOUNT here, ZADD and ZREMRANGEBYRANK below. A
  -- replayed message never gets here (steps 1 and 3), so it stays where
  -- it first landed.
  local skey, stime = nil, nil
  if a.slimit and not a.own and not (target and participant) then
    skey = k('sender:' .. a.from)
    stime = math.min(tonumber(a.received), tonumber(now))
    if redis.call('ZCOUNT', skey, ms(stime - a.swindow), '+inf') >= a.slimit then
      local latest, open = nil, nil
      for _, r in ipairs(redis.call('ZREVRANGE', skey, 0, a.slimit - 1)) do
        local st = redis.call('HGET', k('enq:' .. r), 'status')
        if st then
          latest = latest or r
          if st ~= 'resolved' then open = r break end
        end
      end
      if open or latest then
        target, via, participant, skey = open or latest, a.snote, true, nil
      end
    end
  end
  if target and (participant or a.own) then
    local ref = target
    local enq = k('enq:' .. ref)
    if a.own then
      store_message(ref, 'internal', 'internal')
      redis.call('RPUSH', enq .. ':msgs', mkey)
      redis.call('HSET', enq, 'updated', now)
      redis.call('HINCRBY', enq, 'messages', 1)
      count('followups')
      tl(ref, 'internal', 'message from ' .. a.from .. ' (' .. via .. ')', msgdata)
      event('enquiry.internal', ref, cjson.encode(msgdata))
      return {'followup', ref, mkey, via}
    end
    store_message(ref, 'followup', 'in')
    redis.call('RPUSH', enq .. ':msgs', mkey)
    redis.call('HINCRBY', enq, 'messages', 1)
    redis.call('HSET', enq, 'updated', now)
    count('followups')
    tl(ref, 'followup', 'follow-up from ' .. a.from .. ' (' .. via .. ')', msgdata)
    local f = redis.call('HMGET', enq, 'status', 'officer', 'created', 'policy_frt_ms',
      'first_response:met', 'waiting_since', 'resolution:due', 'acknowledge:met')
    local status, officer, created = f[1], f[2], f[3]
    if nonempty(a.deadline) then
      redis.call('HSET', enq, 'deadline', a.deadline, 'deadline_phrase', a.deadline_phrase)
      tl(ref, 'deadline', 'journalist deadline now ' .. a.deadline_phrase, {deadline = tonumber(a.deadline)})
    end
    if status == 'resolved' then
      redis.call('ZADD', k('idx:open'), created, ref)
      redis.call('ZREM', k('idx:resolved'), ref)
      if nonempty(officer) then redis.call('ZADD', k('idx:officer:' .. officer), created, ref) end
      -- A reopened enquiry needs resolving again: re-arm the resolution clock.
      local res = tonumber(redis.call('HGET', enq, 'policy_res_ms') or '0') or 0
      if res > 0 then
        set_clock(ref, 'resolution', ms(tonumber(a.received) + res), a.received)
      end
      redis.call('HDEL', enq, 'resolved_at')
      tl(ref, 'reopened', 'reopened by a follow-up from the journalist')
      event('enquiry.reopened', ref, '')
    end
    if status == 'waiting' and nonempty(f[6]) and nonempty(f[7]) then
      -- Resume the paused resolution clock: push its due time by the pause.
      local due = clock_resumed_due(f[7], f[6], now)
      set_clock(ref, 'resolution', due, redis.call('HGET', enq, 'resolution:start') or created)
      redis.call('HDEL', enq, 'waiting_since')
      tl(ref, 'resumed', 'resolution clock resumed')
    end
    if status == 'answered' or status == 'resolved' or status == 'waiting' or nonempty(f[5]) then
      -- The desk had answered: the journalist's new message needs a next response.
      local due = clock_next_response_due(a.received, f[4], a.deadline_target)
      set_clock(ref, 'next_response', due, a.received)
      tl(ref, 'clock', 'next response due', {clock = 'next_response', due = due})
    elseif nonempty(a.deadline_target) then
      -- Still unanswered: a new deadline can only bring due times forward.
      for _, c in ipairs({'acknowledge', 'first_response'}) do
        local g = redis.call('HMGET', enq, c .. ':due', c .. ':met')
        if not nonempty(g[2]) and (not nonempty(g[1]) or tonumber(a.deadline_target) < tonumber(g[1])) then
          set_clock(ref, c, a.deadline_target, redis.call('HGET', enq, c .. ':start') or created)
          tl(ref, 'clock', c .. ' due brought forward by the journalist deadline', {clock = c, due = tonumber(a.deadline_target)})
        end
      end
    end
    if status ~= 'open' then
      redis.call('HSET', enq, 'status', 'open')
    end
    event('enquiry.followup', ref, cjson.encode({mkey = mkey, from = a.from, previous_status = status}))
    return {'followup', ref, mkey, via}
  end

  -- 7. A new enquiry (linked to the thread it replied to, when another
  -- journalist joined someone else's thread).
  -- A reindex restores the reference the enquiry had (a.ref_hint) when it
  -- is free, moving the year's counter past it; otherwise the next free one.
  local ref
  if nonempty(a.ref_hint) and redis.call('EXISTS', k('enq:' .. a.ref_hint)) == 0 then
    ref = a.ref_hint
    local n = tonumber(string.sub(ref, -6))
    if n > tonumber(redis.call('GET', k('seq:' .. a.year)) or '0') then
      redis.call('SET', k('seq:' .. a.year), n)
    end
  else
    repeat
      local n = redis.call('INCR', k('seq:' .. a.year))
      ref = string.format('%s-%s-%06d', a.refprefix, a.year, n)
    until redis.call('EXISTS', k('enq:' .. ref)) == 0
  end
  local enq = k('enq:' .. ref)
  store_message(ref, 'enquiry', 'in')
  -- a.fields is a flat list of field, value pairs, the clocks' due and
  -- start among them, each clock started when the message was received;
  -- a.warns puts each clock on the warning schedule (when, clock, …;
  -- clock.lua schedules the rest a step at a time). The sender is the
  -- enquiry's participant through its from field (no enq:<ref>:who set
  -- is written).
  local fields = a.fields
  if target then
    fields[#fields + 1], fields[#fields + 2] = 'parent', target
  end
  -- The first message's key is a field (first_msg): the list enq:<ref>:msgs
  -- only starts with the first follow-up.
  redis.call('HSET', enq, 'ref', ref, 'status', 'open', 'created', a.received, 'updated', now, 'messages', '1',
    'first_msg', mkey, unpack(fields))
  local warns = a.warns
  for i = 1, #warns, 2 do
    later_zadd(CLOCK_SCHEDULE.warned, warns[i], ref .. '|' .. warns[i + 1])
  end
  later_zadd(k('idx:all'), a.received, ref)
  later_zadd(k('idx:open'), a.received, ref)
  local officer = a.officer
  if nonempty(officer) then
    later_zadd(k('idx:officer:' .. officer), a.received, ref)
    later_hset(k('officer:last'), officer, now)
  end
  -- The release's enquiries, for its page (Store.ReleaseEnquiries).
  if nonempty(a.release) then
    later_zadd(k('idx:release:' .. a.release), a.received, ref)
  end
  -- The timeline of a new enquiry is encoded by the caller: one RPUSH.
  if #a.timeline > 0 then
    redis.call('RPUSH', enq .. ':tl', unpack(a.timeline))
  end
  if target then
    tl(ref, 'linked', 'replied in the thread of ' .. target .. ' (' .. via .. '); a different sender, so a new enquiry', {parent = target})
    tl(target, 'linked', a.from .. ' replied in this thread: new enquiry ' .. ref, {child = ref})
  end
  count('enquiries')
  if skey then
    redis.call('ZADD', skey, ms(stime), ref)
    redis.call('ZREMRANGEBYRANK', skey, 0, -a.slimit - 1)
  end
  -- The event's data: what only this script knows, then the reporting dims
  -- the caller encoded (a.dims is a JSON object's members, no braces).
  local replayed = ''
  if a.replay then replayed = '"replayed":true,' end
  event('enquiry.created', ref, '{"mkey":"' .. mkey .. '","parent":"' .. (target or '') .. '",' .. replayed .. a.dims .. '}')
  return {'enquiry', ref, mkey, target or ''}
end

local results = {}
for i = 2, #ARGV, 2 do
  local a = inputs[i]
  local res
  if type(a) ~= 'table' then
    res = {'error', 'commit input: ' .. a}
  else
    local ok, r = pcall(commit_one, a, ARGV[i + 1])
    if ok then
      res = r
    else
      if type(r) == 'table' then r = r.err or cjson.encode(r) end
      res = {'error', tostring(r)}
    end
  end
  results[#results + 1] = res
end
flush()
return results
