-- Applies one EntryChanged event (an operator froze, unfroze, erased, renamed or hid a user) to
-- the read model of one board and season, atomically, versioned exactly like apply-score-event.lua
-- (one per-user version sequence for both): an active entry is put (back) with its score, reach
-- time and shown name; a frozen or erased one is removed. Either way the version is recorded, so a
-- replayed or older event of either type changes nothing. Loaded after top-n.lua.
--
-- KEYS: those of apply-score-event.lua (ScriptKeys.apply):
--   1 ranking  2 members  3 versions  4 names  5 seq  6 top  7 current-season
--   8 current-season-order  9 rebuild-active marker  10 rebuild-dirty set  11 board definition
-- ARGV:
--   1 pub/sub channel   2 board   3 season   4 userId   5 userVersion
--   6 '1' ranked (active) or '0' (frozen, erased)
--   7 sorted-set score (RankingCodec.sortScore)   8 sorted-set member (RankingCodec.member)
--   9 displayName   10 top N of a board without definition   11 committedAt (ISO-8601)
-- Returns {'duplicate', 0} or {'applied', seq}, seq = 0 when the top N did not change (an entry
-- removed or restored below it still republishes the state with the new size, under its seq).

local rankingKey, membersKey, versionsKey, namesKey = KEYS[1], KEYS[2], KEYS[3], KEYS[4]
local seqKey, topKey = KEYS[5], KEYS[6]
local rebuildActiveKey, rebuildDirtyKey = KEYS[9], KEYS[10]
local channel, board, season, userId = ARGV[1], ARGV[2], ARGV[3], ARGV[4]
local userVersion = tonumber(ARGV[5])
local ranked = ARGV[6] == '1'
local sortScore, member, displayName = ARGV[7], ARGV[8], ARGV[9]
local topN = tonumber(redis.call('HGET', KEYS[11], 'topN')) or tonumber(ARGV[10])
local committedAt = ARGV[11]

local appliedVersion = tonumber(redis.call('HGET', versionsKey, userId))
if appliedVersion and appliedVersion >= userVersion then
  return {'duplicate', 0}
end

-- A rebuild in progress carries this user's live state over its swap (added or removed alike).
if redis.call('EXISTS', rebuildActiveKey) == 1 then
  redis.call('SADD', rebuildDirtyKey, userId)
end

local before = readTop(rankingKey, namesKey, topN)
local sizeBefore = redis.call('ZCARD', rankingKey)

if ranked then
  putEntry(rankingKey, membersKey, versionsKey, namesKey, userId, sortScore, member, ARGV[5],
      displayName)
else
  removeEntry(rankingKey, membersKey, versionsKey, namesKey, userId, ARGV[5])
end

-- No RanksChanged: nobody scored, so nobody was overtaken; the new top N reaches viewers as usual.
local after = readTop(rankingKey, namesKey, topN)
local sizeAfter = redis.call('ZCARD', rankingKey)
local seq = 0
if not sameTop(before, after) then
  seq = publishTop(before, after, sizeAfter, seqKey, topKey, channel, board, season, committedAt)
elseif sizeAfter ~= sizeBefore then
  -- Removed or restored below the top N: only the board's size changed.
  publishSize(sizeAfter, topKey, channel)
end
return {'applied', seq}
