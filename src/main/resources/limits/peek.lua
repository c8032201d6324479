-- What is left of each limit, counting nothing (fm-gateway limits). ARGV as admit.lua from the scope count on,
-- after prefix. Returns {reset, then per scope: requests left, tokens left, slots left, budget left (-2 = unknown)}.
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local minute = math.floor(now / 60000)
local p, n = ARGV[1], tonumber(ARGV[2])
local out = {60 - math.floor((now % 60000) / 1000)}
for i = 0, n - 1 do
  local b = 3 + i * 7
  local s = ARGV[b]
  local rpm, tpm, conc, budget = tonumber(ARGV[b + 1]), tonumber(ARGV[b + 2]), tonumber(ARGV[b + 3]), tonumber(ARGV[b + 4])
  local left = {-1, -1, -1, -1}
  if rpm >= 0 then left[1] = math.max(0, rpm - tonumber(redis.call('GET', p .. 'r:' .. s .. ':' .. minute) or '0')) end
  if tpm >= 0 then left[2] = math.max(0, tpm - tonumber(redis.call('GET', p .. 't:' .. s .. ':' .. minute) or '0')) end
  if conc >= 0 then left[3] = math.max(0, conc - redis.call('ZCOUNT', p .. 'c:' .. s, '(' .. now, '+inf')) end
  if budget >= 0 then
    local k = p .. 'b:' .. s .. ':' .. ARGV[b + 5]
    local spent = redis.call('HGET', k, 'spent')
    if spent then
      left[4] = math.max(0, budget - tonumber(spent) - tonumber(redis.call('HGET', k, 'reserved') or '0'))
    else
      left[4] = -2
    end
  end
  for j = 1, 4 do out[#out + 1] = left[j] end
end
return out
