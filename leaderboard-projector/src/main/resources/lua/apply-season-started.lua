-- Applies one SeasonStarted to the read model of one board, atomically and idempotently: lists the
-- season (and the end of the previous one), and when the season starts after the board's current
-- one makes it current and, unless scores reached it first, stores and publishes its empty top N
-- (the next seq), so gateways switch their readers and live clients to it. Loaded after top-n.lua.
--
-- KEYS (all of one board, sharing the {board} hash tag):
--   1 current-season  2 current-season-order  3 seasons  4 season-starts  5 season-ends
--   6 seq  7 top  (6 and 7 of the new season)
-- ARGV:
--   1 season  2 its order (Seasons.order)  3 previous season ('' for none)  4 its order ('' for
--   none)  5 startedAt (ISO-8601)  6 top-changed pub/sub channel  7 board
-- Returns {'duplicate', 0} (already listed, not newer), or {'applied', seq}, seq = 0 when no top N
-- was published (an older season, or a newer one whose top N scores had already written).

local seasonKey, seasonOrderKey, seasonsKey = KEYS[1], KEYS[2], KEYS[3]
local startsKey, endsKey, seqKey, topKey = KEYS[4], KEYS[5], KEYS[6], KEYS[7]
local season, order, previous, previousOrder = ARGV[1], ARGV[2], ARGV[3], ARGV[4]
local startedAt, channel, board = ARGV[5], ARGV[6], ARGV[7]

local listed = redis.call('ZSCORE', seasonsKey, season)
redis.call('ZADD', seasonsKey, order, season)
redis.call('HSET', startsKey, season, startedAt)
if previous ~= '' then
  redis.call('ZADD', seasonsKey, previousOrder, previous)
  redis.call('HSET', endsKey, previous, startedAt)
end

local currentOrder = tonumber(redis.call('GET', seasonOrderKey))
if currentOrder and tonumber(order) <= currentOrder then
  if listed then
    return {'duplicate', 0}
  end
  return {'applied', 0}
end
redis.call('SET', seasonKey, season)
redis.call('SET', seasonOrderKey, order)
if redis.call('EXISTS', topKey) == 1 then
  return {'applied', 0}
end
-- No top stored: nobody has scored in the season yet, so it ranks nobody.
return {'applied', publishTop({}, {}, 0, seqKey, topKey, channel, board, season, startedAt)}
