-- Applies one BoardDefined to the board's definition hash, idempotently by boardVersion, and when
-- the top-N size changed re-publishes the current season's top N at the new length (a new seq),
-- so readers and live clients see the new size at once. Loaded after top-n.lua.
--
-- KEYS (all of one board, sharing the {board} hash tag):
--   1 definition  2 current-season  then, only when the board has a current season:
--   3 ranking  4 names  5 seq  6 top  (of that season)
-- ARGV:
--   1 boardVersion  2 topN  3 top N of a board without definition  4 pub/sub channel  5 board
--   6 the season KEYS[3..6] belong to ('' when none)  7 definedAt (ISO-8601)
--   8.. field, value pairs of the hash (BoardDefinitionHash)
-- Returns {'duplicate', 0} or {'applied', seq}, seq = 0 when no top N was re-published.

local definitionKey, seasonKey = KEYS[1], KEYS[2]
local version, newTopN, defaultTopN = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3])
local channel, board, season, definedAt = ARGV[4], ARGV[5], ARGV[6], ARGV[7]

local appliedVersion = tonumber(redis.call('HGET', definitionKey, 'boardVersion'))
if appliedVersion and appliedVersion >= version then
  return {'duplicate', 0}
end
local oldTopN = tonumber(redis.call('HGET', definitionKey, 'topN')) or defaultTopN

local fields = {}
for i = 8, #ARGV do
  fields[#fields + 1] = ARGV[i]
end
redis.call('HSET', definitionKey, unpack(fields))

-- The season moved on since the caller read it: the next apply in the new season uses the new size.
if season == '' or oldTopN == newTopN or redis.call('GET', seasonKey) ~= season then
  return {'applied', 0}
end
local rankingKey, namesKey, seqKey, topKey = KEYS[3], KEYS[4], KEYS[5], KEYS[6]
local before = readTop(rankingKey, namesKey, oldTopN)
local after = readTop(rankingKey, namesKey, newTopN)
if sameTop(before, after) then
  return {'applied', 0}
end
return {'applied', publishTop(before, after, redis.call('ZCARD', rankingKey), seqKey, topKey,
    channel, board, season, definedAt)}
