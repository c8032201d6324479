-- Ends an admitted call (fm-gateway limits): corrects its tokens, frees its slot, turns its reservation into spend.
-- ARGV: prefix, call id, token correction (real input + output - estimated input), cost (nano-USD), scope count,
-- then per scope: name, has tokens/min (1/0), has concurrent (1/0), budget window id ('' = no budget).
local t = redis.call('TIME')
local minute = math.floor((tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)) / 60000)
local p, id, n = ARGV[1], ARGV[2], tonumber(ARGV[5])
for i = 0, n - 1 do
  local s, tpm, conc, w = ARGV[6 + i * 4], ARGV[7 + i * 4], ARGV[8 + i * 4], ARGV[9 + i * 4]
  if tpm == '1' then
    local k = p .. 't:' .. s .. ':' .. minute
    redis.call('INCRBY', k, ARGV[3])
    redis.call('EXPIRE', k, 120)
  end
  if conc == '1' then redis.call('ZREM', p .. 'c:' .. s, id) end
  if w ~= '' then
    local k, lk, ak = p .. 'b:' .. s .. ':' .. w, p .. 'bl:' .. s .. ':' .. w, p .. 'ba:' .. s .. ':' .. w
    local held = redis.call('HGET', ak, id)
    if held then
      redis.call('HINCRBY', k, 'reserved', -tonumber(held))
      redis.call('HDEL', ak, id)
      redis.call('ZREM', lk, id)
    end
    redis.call('HINCRBY', k, 'spent', ARGV[4])
  end
end
return {1}
