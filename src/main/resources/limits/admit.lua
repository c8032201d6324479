-- Admits one call against every limit that holds for it, or refuses it, atomically (fm-gateway limits).
-- ARGV: prefix, call id, input tokens, reservation (nano-USD), lease (ms), scope count, then per scope:
--   name, requests/min, tokens/min, concurrent, budget (nano-USD), budget window id, budget ttl (s); -1 = no limit.
-- Returns {1, reset, then per scope: requests left, tokens left, slots left, budget left} when admitted,
-- {0, scope index, kind, limit, retry after} when refused, {-1, scope index} when a budget window has no spend yet.
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local minute = math.floor(now / 60000)
local reset = 60 - math.floor((now % 60000) / 1000)
local p, id = ARGV[1], ARGV[2]
local input, lease, n = tonumber(ARGV[3]), tonumber(ARGV[5]), tonumber(ARGV[6])
local function arg(i, j) return ARGV[7 + i * 7 + j] end
for i = 0, n - 1 do
  local s = arg(i, 0)
  local rpm, tpm, conc, budget = tonumber(arg(i, 1)), tonumber(arg(i, 2)), tonumber(arg(i, 3)), tonumber(arg(i, 4))
  if rpm >= 0 then
    local used = tonumber(redis.call('GET', p .. 'r:' .. s .. ':' .. minute) or '0')
    if used + 1 > rpm then return {0, i, 'requests', rpm, reset} end
  end
  if tpm >= 0 then
    local used = tonumber(redis.call('GET', p .. 't:' .. s .. ':' .. minute) or '0')
    if used >= tpm or (used > 0 and used + input > tpm) then return {0, i, 'tokens', tpm, reset} end
  end
  if conc >= 0 then
    local k = p .. 'c:' .. s
    redis.call('ZREMRANGEBYSCORE', k, '-inf', now)
    if redis.call('ZCARD', k) >= conc then return {0, i, 'concurrent', conc, 1} end
  end
  if budget >= 0 then
    local w = s .. ':' .. arg(i, 5)
    local k, lk, ak = p .. 'b:' .. w, p .. 'bl:' .. w, p .. 'ba:' .. w
    if redis.call('HEXISTS', k, 'spent') == 0 then return {-1, i} end
    for _, gone in ipairs(redis.call('ZRANGEBYSCORE', lk, '-inf', now)) do
      redis.call('HINCRBY', k, 'reserved', -tonumber(redis.call('HGET', ak, gone) or '0'))
      redis.call('HDEL', ak, gone)
      redis.call('ZREM', lk, gone)
    end
    local used = tonumber(redis.call('HGET', k, 'spent')) + tonumber(redis.call('HGET', k, 'reserved') or '0')
    if used >= budget then return {0, i, 'budget', budget, -1} end
  end
end
local out = {1, reset}
for i = 0, n - 1 do
  local s = arg(i, 0)
  local rpm, tpm, conc, budget = tonumber(arg(i, 1)), tonumber(arg(i, 2)), tonumber(arg(i, 3)), tonumber(arg(i, 4))
  local left = {-1, -1, -1, -1}
  if rpm >= 0 then
    local k = p .. 'r:' .. s .. ':' .. minute
    left[1] = math.max(0, rpm - redis.call('INCR', k))
    redis.call('EXPIRE', k, 120)
  end
  if tpm >= 0 then
    local k = p .. 't:' .. s .. ':' .. minute
    left[2] = math.max(0, tpm - redis.call('INCRBY', k, ARGV[3]))
    redis.call('EXPIRE', k, 120)
  end
  if conc >= 0 then
    local k = p .. 'c:' .. s
    redis.call('ZADD', k, now + lease, id)
    redis.call('PEXPIRE', k, lease * 2)
    left[3] = math.max(0, conc - redis.call('ZCARD', k))
  end
  if budget >= 0 then
    local w = s .. ':' .. arg(i, 5)
    local k, lk, ak = p .. 'b:' .. w, p .. 'bl:' .. w, p .. 'ba:' .. w
    local reserved = redis.call('HINCRBY', k, 'reserved', ARGV[4])
    redis.call('HSET', ak, id, ARGV[4])
    redis.call('ZADD', lk, now + lease, id)
    for _, key in ipairs({k, lk, ak}) do redis.call('EXPIRE', key, arg(i, 6)) end
    left[4] = math.max(0, budget - tonumber(redis.call('HGET', k, 'spent')) - reserved)
  end
  for j = 1, 4 do out[#out + 1] = left[j] end
end
return out
