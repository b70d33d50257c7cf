-- Helpers shared by apply-score-event.lua, apply-entry-change.lua and swap-rebuilt-board.lua.
-- TopNScripts prepends this file to each script's source, so all of them write and remove ranking
-- entries, advance the current season, and describe and publish top-N states identically.

-- Puts a user's entry into the ranking, members, versions and names keys of one board and season.
-- A user has one ranking member at a time, so the previous one is removed first. A missing or ''
-- name keeps the known one.
local function putEntry(rankingKey, membersKey, versionsKey, namesKey, userId, score, member,
    version, name)
  local oldMember = redis.call('HGET', membersKey, userId)
  if oldMember then
    redis.call('ZREM', rankingKey, oldMember)
  end
  redis.call('ZADD', rankingKey, score, member)
  redis.call('HSET', membersKey, userId, member)
  redis.call('HSET', versionsKey, userId, version)
  if name and name ~= '' then
    redis.call('HSET', namesKey, userId, name)
  end
end

-- Takes a user off the ranking, members and names keys of one board and season (frozen or erased)
-- and records the version that did it, so an older event cannot put them back.
local function removeEntry(rankingKey, membersKey, versionsKey, namesKey, userId, version)
  local oldMember = redis.call('HGET', membersKey, userId)
  if oldMember then
    redis.call('ZREM', rankingKey, oldMember)
  end
  redis.call('HDEL', membersKey, userId)
  redis.call('HDEL', namesKey, userId)
  redis.call('HSET', versionsKey, userId, version)
end

-- Makes {season} the board's current season if none is known or it starts after the current one.
-- {order} is Seasons.order(season) (Java): season ids are ordered by start, never as strings.
local function advanceCurrentSeason(seasonKey, seasonOrderKey, season, order)
  local currentOrder = tonumber(redis.call('GET', seasonOrderKey))
  if not currentOrder or tonumber(order) > currentOrder then
    redis.call('SET', seasonKey, season)
    redis.call('SET', seasonOrderKey, order)
  end
end

-- The 1-based rank of a user's current ranking member, or nil when the user has none: O(log N).
local function rankOf(rankingKey, membersKey, userId)
  local member = redis.call('HGET', membersKey, userId)
  local rank = member and redis.call('ZRANK', rankingKey, member)
  if not rank then
    return nil
  end
  return rank + 1
end

-- The top N of a ranking as an ordered list of {userId, displayName, score}.
local function readTop(rankingKey, namesKey, topN)
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

-- Stores the TopNChanged from `before` to `after` under topKey, publishes it and returns its seq.
-- totalUsers is the ranking's size (ZCARD) after the change. traceId (nil or '' when no traced
-- request caused the state) is carried as the message's traceId.
local function publishTop(before, after, totalUsers, seqKey, topKey, channel, board, season,
    committedAt, traceId)
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
    changes[#changes + 1] = '{"userId":' .. cjson.encode(id) .. ',"fromRank":'
        .. rankOrNull(from) .. ',"toRank":' .. rankOrNull(to) .. '}'
  end
  for i, entry in ipairs(after) do
    entries[#entries + 1] = '{"rank":' .. int(i) .. ',"userId":' .. cjson.encode(entry.userId)
        .. ',"displayName":' .. cjson.encode(entry.displayName) .. ',"score":'
        .. int(entry.score) .. '}'
    if fromRank[entry.userId] ~= i then
      change(entry.userId, fromRank[entry.userId], i)
    end
  end
  for i, entry in ipairs(before) do
    if not toRank[entry.userId] then
      change(entry.userId, i, nil)
    end
  end

  -- totalUsers right after seq: publishSize finds it there, before any user-supplied string.
  local json = '{"board":' .. cjson.encode(board) .. ',"season":' .. cjson.encode(season)
      .. ',"seq":' .. int(seq) .. ',"totalUsers":' .. int(totalUsers) .. ',"entries":'
      .. array(entries) .. ',"changes":' .. array(changes) .. ',"sourceCommittedAt":'
      .. cjson.encode(committedAt)
  if traceId and traceId ~= '' then
    json = json .. ',"traceId":' .. cjson.encode(traceId)
  end
  json = json .. '}'
  redis.call('SET', topKey, json)
  redis.call('PUBLISH', channel, json)
  return seq
end

-- The board's size changed while its top N did not (a first score below the top N, an entry
-- removed or restored below it): stores and publishes the stored state again with the new
-- totalUsers and everything else as it was, its seq included, so readers of the size follow within
-- one pub/sub hop and nothing is broadcast for it (TopNChanged states the rule). Costs a GET, a
-- SET and a small PUBLISH, only when the size changed. A state stored before totalUsers existed
-- is left as it is: the board's next top-N change carries the size.
local function publishSize(totalUsers, topKey, channel)
  local stored = redis.call('GET', topKey)
  if not stored then
    return
  end
  local resized, found = string.gsub(stored, '"totalUsers":%d+', '"totalUsers":' .. int(totalUsers),
      1)
  if found == 1 then
    redis.call('SET', topKey, resized)
    redis.call('PUBLISH', channel, resized)
  end
end


-- Publishes the RanksChanged of one applied event (RanksChanged in shared-events states the rule)
-- when the scorer's rank changed or was new: the scorer's change, then, when the top N changed
-- (before/after are its states), every other user inside it whose rank moved, each by one.
-- Ranks outside the top are not scanned, so an event costs two ZRANKs and one small PUBLISH,
-- plus O(N) only when it changed the top N, which publishTop costs anyway.
local function publishRanks(channel, board, season, scorer, fromRank, toRank, score, topN,
    before, after, topChanged)
  if fromRank == toRank then
    return
  end
  local head = '{"board":' .. cjson.encode(board) .. ',"season":' .. cjson.encode(season)
  local changes = {}
  local function change(id, from, to, points, overtakenBy)
    local json = head .. ',"userId":' .. cjson.encode(id) .. ',"fromRank":' .. rankOrNull(from)
        .. ',"toRank":' .. int(to) .. ',"score":' .. int(points) .. ',"inTopN":'
        .. tostring(to <= topN)
    if overtakenBy then
      json = json .. ',"overtakenBy":' .. cjson.encode(overtakenBy)
    end
    changes[#changes + 1] = json .. '}'
  end
  change(scorer, fromRank, toRank, score, nil)
  if topChanged then
    local oldRank, newRank = {}, {}
    for i, entry in ipairs(before) do
      oldRank[entry.userId] = i
    end
    for i, entry in ipairs(after) do
      newRank[entry.userId] = i
    end
    -- Only the scorer's entry moved, so anyone else entering the top N came from just below it
    -- (the scorer fell out) and anyone leaving it went just below it (the scorer pushed them).
    for i, entry in ipairs(after) do
      local from = oldRank[entry.userId] or topN + 1
      if entry.userId ~= scorer and from ~= i then
        change(entry.userId, from, i, entry.score, from < i and scorer or nil)
      end
    end
    for i, entry in ipairs(before) do
      if entry.userId ~= scorer and not newRank[entry.userId] then
        change(entry.userId, i, topN + 1, entry.score, scorer)
      end
    end
  end
  redis.call('PUBLISH', channel, head .. ',"changes":' .. array(changes) .. '}')
end
