-- Applies one ScoreChanged event to the read model of one board and season, atomically:
-- idempotency check, ranking update and "did the top N change?" in a single script, so no
-- reader ever sees a half-applied event and no two projectors can interleave.
--
-- KEYS (all of one board, sharing the {board} hash tag):
--   1 ranking  2 members  3 versions  4 names  5 seq  6 top  7 current-season
-- ARGV:
--   1 pub/sub channel   2 board   3 season   4 userId   5 userVersion
--   6 sorted-set score (RankingCodec.sortScore)   7 sorted-set member (RankingCodec.member)
--   8 displayName ('' keeps the known name)   9 top N   10 committedAt (ISO-8601)
-- Returns {'duplicate', 0} or {'applied', seq}, seq = 0 when the top N did not change.

local rankingKey, membersKey, versionsKey, namesKey = KEYS[1], KEYS[2], KEYS[3], KEYS[4]
local seqKey, topKey, seasonKey = KEYS[5], KEYS[6], KEYS[7]
local channel, board, season, userId = ARGV[1], ARGV[2], ARGV[3], ARGV[4]
local userVersion = tonumber(ARGV[5])
local sortScore, member, displayName = ARGV[6], ARGV[7], ARGV[8]
local topN = tonumber(ARGV[9])
local committedAt = ARGV[10]

-- Idempotency: versions grow by one per change of a user, so anything not newer was applied.
local appliedVersion = tonumber(redis.call('HGET', versionsKey, userId))
if appliedVersion and appliedVersion >= userVersion then
  return {'duplicate', 0}
end

-- The top N as an ordered list of {userId, displayName, score}.
local function readTop()
  local flat = redis.call('ZRANGE', rankingKey, 0, topN - 1, 'WITHSCORES')
  local top, ids = {}, {}
  for i = 1, #flat, 2 do
    local m = flat[i]
    local id = string.sub(m, string.find(m, ':', 1, true) + 1)
    ids[#ids + 1] = id
    -- the sorted-set score is -points (RankingCodec)
    top[#top + 1] = {userId = id, score = -tonumber(flat[i + 1])}
  end
  if #ids > 0 then
    local names = redis.call('HMGET', namesKey, unpack(ids))
    for i, entry in ipairs(top) do
      entry.displayName = names[i] or entry.userId
    end
  end
  return top
end

local function sameTop(a, b)
  if #a ~= #b then
    return false
  end
  for i = 1, #a do
    if a[i].userId ~= b[i].userId or a[i].displayName ~= b[i].displayName
        or a[i].score ~= b[i].score then
      return false
    end
  end
  return true
end

local function int(n)
  return string.format('%d', n)
end

-- cjson would encode an empty table as {}, so arrays are joined by hand and are [] when empty.
local function array(items)
  return '[' .. table.concat(items, ',') .. ']'
end

local function rankOrNull(rank)
  if rank then
    return int(rank)
  end
  return 'null'
end

local before = readTop()

local oldMember = redis.call('HGET', membersKey, userId)
if oldMember then
  redis.call('ZREM', rankingKey, oldMember)
end
redis.call('ZADD', rankingKey, sortScore, member)
redis.call('HSET', membersKey, userId, member)
redis.call('HSET', versionsKey, userId, ARGV[5])
if displayName ~= '' then
  redis.call('HSET', namesKey, userId, displayName)
end

-- Season ids of one board sort by time, so the greatest one is the newest.
local currentSeason = redis.call('GET', seasonKey)
if not currentSeason or season > currentSeason then
  redis.call('SET', seasonKey, season)
end

local after = readTop()
if sameTop(before, after) then
  return {'applied', 0}
end

-- Seeding from the clock keeps seq growing even after Redis lost its data, so subscribers
-- never mistake a new state for an old one. Microseconds: a busy board may change more than
-- once per millisecond, never once per microsecond, and 1.7e15 is still exact in a double and
-- in JavaScript.
if redis.call('EXISTS', seqKey) == 0 then
  local now = redis.call('TIME')
  redis.call('SET', seqKey, int(tonumber(now[1]) * 1000000 + tonumber(now[2])))
end
local seq = redis.call('INCR', seqKey)

local fromRank, toRank = {}, {}
for i, entry in ipairs(before) do
  fromRank[entry.userId] = i
end
for i, entry in ipairs(after) do
  toRank[entry.userId] = i
end

local entries, changes = {}, {}
local function change(id, from, to)
  changes[#changes + 1] = '{"userId":' .. cjson.encode(id) .. ',"fromRank":' .. rankOrNull(from)
      .. ',"toRank":' .. rankOrNull(to) .. '}'
end
for i, entry in ipairs(after) do
  entries[#entries + 1] = '{"rank":' .. int(i) .. ',"userId":' .. cjson.encode(entry.userId)
      .. ',"displayName":' .. cjson.encode(entry.displayName) .. ',"score":' .. int(entry.score)
      .. '}'
  if fromRank[entry.userId] ~= i then
    change(entry.userId, fromRank[entry.userId], i)
  end
end
for i, entry in ipairs(before) do
  if not toRank[entry.userId] then
    change(entry.userId, i, nil)
  end
end

local json = '{"board":' .. cjson.encode(board) .. ',"season":' .. cjson.encode(season)
    .. ',"seq":' .. int(seq) .. ',"entries":' .. array(entries) .. ',"changes":' .. array(changes)
    .. ',"sourceCommittedAt":' .. cjson.encode(committedAt) .. '}'
redis.call('SET', topKey, json)
redis.call('PUBLISH', channel, json)
return {'applied', seq}
