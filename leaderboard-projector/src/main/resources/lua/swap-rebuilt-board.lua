-- Swaps a board+season rebuilt into temporary keys into place, atomically, so readers see either
-- the old board or the complete new one, never a half-built one. Loaded after top-n.lua.
--
-- KEYS (all of one board, sharing the {board} hash tag):
--   1 ranking  2 members  3 versions  4 names  5 seq  6 top  7 current-season
--   8 current-season-order  9 rebuilt ranking  10 rebuilt members  11 rebuilt versions
--   12 rebuilt names  13 rebuild-active marker  14 rebuild-dirty set  15 built sentinel
-- ARGV:
--   1 pub/sub channel  2 board  3 season  4 top N  5 rebuild token (the marker's value)
--   6 sourceCommittedAt of the published state (ISO-8601)  7 built-at (ISO-8601)
--   8 season order (Seasons.order)
-- Returns {'swapped', seq, carriedOver} or {'aborted', 0, 0} when the marker is not ours any more
-- (Redis lost it, or it expired because the rebuild stalled): the rebuilt keys may be incomplete.

local rankingKey, membersKey, versionsKey, namesKey = KEYS[1], KEYS[2], KEYS[3], KEYS[4]
local seqKey, topKey, seasonKey, seasonOrderKey = KEYS[5], KEYS[6], KEYS[7], KEYS[8]
local newRankingKey, newMembersKey, newVersionsKey, newNamesKey = KEYS[9], KEYS[10], KEYS[11],
    KEYS[12]
local activeKey, dirtyKey, builtKey = KEYS[13], KEYS[14], KEYS[15]
local channel, board, season = ARGV[1], ARGV[2], ARGV[3]
local topN = tonumber(ARGV[4])
local token, committedAt, builtAt, seasonOrder = ARGV[5], ARGV[6], ARGV[7], ARGV[8]

if redis.call('GET', activeKey) ~= token then
  return {'aborted', 0, 0}
end

local before = readTop(rankingKey, namesKey, topN)

-- Events applied to the live keys while the rebuild streamed Postgres marked their users dirty.
-- Where the live version is newer than what the rebuild read, the live state wins: the live entry,
-- or its absence when an entry change took the user off the board (frozen, erased).
local carried = 0
for _, userId in ipairs(redis.call('SMEMBERS', dirtyKey)) do
  local liveVersion = redis.call('HGET', versionsKey, userId)
  local builtVersion = redis.call('HGET', newVersionsKey, userId)
  if liveVersion and (not builtVersion or tonumber(liveVersion) > tonumber(builtVersion)) then
    local liveMember = redis.call('HGET', membersKey, userId)
    local liveScore = liveMember and redis.call('ZSCORE', rankingKey, liveMember)
    if liveScore then
      putEntry(newRankingKey, newMembersKey, newVersionsKey, newNamesKey, userId, liveScore,
          liveMember, liveVersion, redis.call('HGET', namesKey, userId))
    else
      removeEntry(newRankingKey, newMembersKey, newVersionsKey, newNamesKey, userId, liveVersion)
    end
    carried = carried + 1
  end
end

local swaps = {{newRankingKey, rankingKey}, {newMembersKey, membersKey},
  {newVersionsKey, versionsKey}, {newNamesKey, namesKey}}
for _, swap in ipairs(swaps) do
  -- UNLINK frees a large old key in the background; RENAME over it would free it inline.
  redis.call('UNLINK', swap[2])
  if redis.call('EXISTS', swap[1]) == 1 then
    redis.call('RENAME', swap[1], swap[2])
    -- the rebuilt keys carried a TTL so an abandoned rebuild cleans up after itself
    redis.call('PERSIST', swap[2])
  end
end
redis.call('DEL', activeKey, dirtyKey)
redis.call('SET', builtKey, builtAt)

advanceCurrentSeason(seasonKey, seasonOrderKey, season, seasonOrder)

-- Always published: after a loss of data the gateways need the rebuilt state even if it equals
-- the last one they saw.
local after = readTop(rankingKey, namesKey, topN)
local seq = publishTop(before, after, redis.call('ZCARD', rankingKey), seqKey, topKey, channel,
    board, season, committedAt)
return {'swapped', seq, carried}
