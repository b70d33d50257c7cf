-- Applies one ScoreChanged event to the read model of one board and season, atomically:
-- idempotency check, ranking update, "did the top N change?" and "whose rank changed?" in a
-- single script, so no reader ever sees a half-applied event and no two projectors can interleave.
-- Loaded after top-n.lua (putEntry, rankOf, readTop, sameTop, publishTop, publishSize,
-- publishRanks).
--
-- KEYS (all of one board, sharing the {board} hash tag):
--   1 ranking  2 members  3 versions  4 names  5 seq  6 top  7 current-season
--   8 current-season-order  9 rebuild-active marker  10 rebuild-dirty set  11 board definition
-- ARGV:
--   1 pub/sub channel   2 board   3 season   4 userId   5 userVersion
--   6 sorted-set score (RankingCodec.sortScore)   7 sorted-set member (RankingCodec.member)
--   8 displayName ('' keeps the known name)   9 top N of a board without definition
--   10 committedAt (ISO-8601)
--   11 season order (Seasons.order)   12 rank-changed pub/sub channel
--   13 trace id of the request that caused the event ('' when none)
-- Returns {'duplicate', 0} or {'applied', seq}, seq = 0 when the top N did not change (a first
-- score below it still republishes the state with the board's new size, under its seq).

local rankingKey, membersKey, versionsKey, namesKey = KEYS[1], KEYS[2], KEYS[3], KEYS[4]
local seqKey, topKey, seasonKey, seasonOrderKey = KEYS[5], KEYS[6], KEYS[7], KEYS[8]
local rebuildActiveKey, rebuildDirtyKey = KEYS[9], KEYS[10]
local channel, board, season, userId = ARGV[1], ARGV[2], ARGV[3], ARGV[4]
local userVersion = tonumber(ARGV[5])
local sortScore, member, displayName = ARGV[6], ARGV[7], ARGV[8]
-- The board's own top-N size, once its BOARD_DEFINED has been applied.
local topN = tonumber(redis.call('HGET', KEYS[11], 'topN')) or tonumber(ARGV[9])
local committedAt, seasonOrder = ARGV[10], ARGV[11]
local rankChannel, traceId = ARGV[12], ARGV[13]

-- Idempotency: versions grow by one per change of a user, so anything not newer was applied.
local appliedVersion = tonumber(redis.call('HGET', versionsKey, userId))
if appliedVersion and appliedVersion >= userVersion then
  return {'duplicate', 0}
end

-- While a rebuild of this board and season runs, remember who changed: the swap carries these
-- users over from the live keys, so no event applied meanwhile is lost by the swap.
if redis.call('EXISTS', rebuildActiveKey) == 1 then
  redis.call('SADD', rebuildDirtyKey, userId)
end

local fromRank = rankOf(rankingKey, membersKey, userId)
local before = readTop(rankingKey, namesKey, topN)

putEntry(rankingKey, membersKey, versionsKey, namesKey, userId, sortScore, member, ARGV[5],
    displayName)

advanceCurrentSeason(seasonKey, seasonOrderKey, season, seasonOrder)

local after = readTop(rankingKey, namesKey, topN)
local seq = 0
if not sameTop(before, after) then
  seq = publishTop(before, after, redis.call('ZCARD', rankingKey), seqKey, topKey, channel, board,
      season, committedAt, traceId)
elseif not fromRank then
  -- The user's first score here, below the top N: only the board's size changed.
  publishSize(redis.call('ZCARD', rankingKey), topKey, channel)
end
-- the sorted-set score is -points (RankingCodec)
publishRanks(rankChannel, board, season, userId, fromRank,
    redis.call('ZRANK', rankingKey, member) + 1, -tonumber(sortScore), topN, before, after, seq > 0)
return {'applied', seq}
