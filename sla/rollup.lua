-- Apply one batch of rollup increments and advance the projection's
-- checkpoint in the same step. The checkpoint is compared first: a batch
-- computed from an older checkpoint (another replica got there first, or
-- this one retried after a lost reply) changes nothing, so every event
-- counts exactly once.
--
-- KEYS[1]  the checkpoint key (declared so Cluster routes the script)
-- ARGV[1]  key prefix
-- ARGV[2]  the checkpoint the batch was read after ("" for the start)
-- ARGV[3]  the new checkpoint: the ID of the batch's last event
-- ARGV[4]  JSON {u = {{d = day, c = {topic, officer, tier, release, hours, outlet, channel, language}, i = {field = n}}},
--                b = {{d = day, v = "ref|clock letter", c = {dims as in u}}}, s = {stat = n}}
-- returns  {1, new checkpoint} when applied, {0, current checkpoint} when stale
--
-- Each update goes to two fields of the day's hash P sla:r:<YYYYMMDD>:
-- the cube cell "<topic id>.<officer id>.<tier id>.<release id>.<hours>.<channel id>.<language id>"
-- and the outlet cell "u<outlet id>.<hours>" (ids from P sla:dims); a
-- field's value is the packed counters "name:n,name:n,..." (rollup.go).
local P = ARGV[1]
local function k(s) return P .. s end
local cur = redis.call('GET', KEYS[1]) or ''
if cur ~= ARGV[2] then return {0, cur} end
local a = cjson.decode(ARGV[4])

local dims = k('sla:dims')
local cache = {}
local function dim(kind, v)
  local f = kind .. ':' .. v
  local id = cache[f]
  if id then return id end
  id = redis.call('HGET', dims, f)
  if not id then
    id = tostring(redis.call('INCR', k('sla:dims:seq')))
    redis.call('HSET', dims, f, id, '#' .. id, f)
  end
  cache[f] = id
  return id
end

-- merge adds the increments inc (name → n) to a packed record: each name
-- is found with a plain search for ",name:" and its number spliced, so the
-- cost follows the increments, not the record's length (an outlet cell
-- holds hundreds of histogram buckets).
local function merge(old, inc)
  local rec = ',' .. (old or '')
  if rec == ',' then rec = '' end
  for name, n in pairs(inc) do
    local key = ',' .. name .. ':'
    local s, e = string.find(rec, key, 1, true)
    if s then
      local ns, ne = string.find(rec, '^%-?%d+', e + 1)
      local v = tonumber(string.sub(rec, ns, ne)) + tonumber(n)
      rec = string.sub(rec, 1, e) .. string.format('%.0f', v) .. string.sub(rec, ne + 1)
    else
      rec = rec .. key .. string.format('%.0f', tonumber(n))
    end
  end
  return string.sub(rec, 2)
end

local kinds = {'t', 'o', 'g', 'r'}
-- cells returns the cube cell and the outlet id of a dims tuple.
local function cells(c)
  local ids = {}
  for i = 1, 4 do ids[i] = dim(kinds[i], c[i] or '') end
  return table.concat(ids, '.') .. '.' .. (c[5] or '0') .. '.' .. dim('c', c[7] or '') .. '.' .. dim('l', c[8] or ''),
    dim('u', c[6] or '')
end
-- Several cube cells of a batch share an outlet cell (long: it holds the
-- outlet's whole histogram), so its increments are summed first and
-- merged into it once per batch, in the order first met.
local outlets, order = {}, {}
for _, u in ipairs(a.u or {}) do
  local cube, outlet = cells(u.c)
  local key = k('sla:r:' .. u.d)
  redis.call('HSET', key, cube, merge(redis.call('HGET', key, cube), u.i))
  local cell = 'u' .. outlet .. '.' .. (u.c[5] or '0')
  local id = key .. '|' .. cell
  local o = outlets[id]
  if not o then
    o = {key = key, cell = cell, i = {}}
    outlets[id] = o
    order[#order + 1] = o
  end
  for name, n in pairs(u.i) do o.i[name] = (o.i[name] or 0) + tonumber(n) end
end
for _, o in ipairs(order) do
  redis.call('HSET', o.key, o.cell, merge(redis.call('HGET', o.key, o.cell), o.i))
end
-- A breach-list entry carries its cells, so a filtered drill-down needs
-- no enquiry read to choose its entries.
for _, b in ipairs(a.b or {}) do
  local cube, outlet = cells(b.c)
  redis.call('RPUSH', k('sla:brl:' .. b.d), b.v .. '|' .. cube .. '|' .. outlet)
end
for name, n in pairs(a.s or {}) do
  redis.call('HINCRBY', k('sla:rollup:stats'), name, n)
end
redis.call('SET', KEYS[1], ARGV[3])
return {1, ARGV[3]}
