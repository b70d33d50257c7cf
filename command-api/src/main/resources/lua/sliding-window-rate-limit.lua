-- Sliding-window rate limit, atomic: one sorted set of request timestamps per key.
-- KEYS[1] the window key
-- ARGV[1] limit (requests per window), ARGV[2] window in ms, ARGV[3] a member id unique per request
-- Returns {allowed (1|0), remaining, resetMs}: resetMs = ms until the oldest counted request
-- leaves the window (when a denied caller may retry).
-- Time comes from the Redis server (TIME), so all instances share one clock.
local key = KEYS[1]
local limit = tonumber(ARGV[1])
local window = tonumber(ARGV[2])
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)

redis.call('ZREMRANGEBYSCORE', key, '-inf', now - window)
local count = redis.call('ZCARD', key)
local allowed = 0
if count < limit then
  redis.call('ZADD', key, now, ARGV[3])
  count = count + 1
  allowed = 1
end
if count > 0 then
  redis.call('PEXPIRE', key, window)
end

local reset = window
local oldest = redis.call('ZRANGE', key, 0, 0, 'WITHSCORES')
if oldest[2] then
  reset = tonumber(oldest[2]) + window - now
end
return {allowed, limit - count, reset}
