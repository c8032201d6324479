-- wrk script for a bounded closed-loop run: every connection sends a request, waits for its answer, sends the
-- next, and each wrk thread sends exactly its share of the total, then parks its connections and stops.
-- wrk itself is duration-based: load.sh passes a generous -d as a safety bound and interrupts wrk (SIGINT) as
-- soon as every thread wrote "bench-thread-done" on stderr (or when progress stalls).
--
--   wrk -t T -c C -d MAX -s bounded.lua URL -- TOTAL THREADS BODY_FILE
--
-- It counts 2xx and non-2xx answers, the statuses, the X-Gateway-Region of the answers, and times the run with
-- a monotonic clock from the first request to the last answer (wrk's own Requests/sec divides by the whole -d).
-- Needs TOTAL >= C (every connection sends at least once) and wrk 4.x with LuaJIT (for the FFI clock).

local ffi = require("ffi")
ffi.cdef [[
typedef struct { long tv_sec; long tv_nsec; } bench_timespec;
int clock_gettime(int clk_id, bench_timespec *tp);
]]
local ts = ffi.new("bench_timespec")
local function now_ms()
    ffi.C.clock_gettime(1, ts) -- CLOCK_MONOTONIC: one clock for all threads of the process
    return tonumber(ts.tv_sec) * 1000 + tonumber(ts.tv_nsec) / 1e6
end

-- Main state: the threads, to hand out shares and collect results.
local threads = {}

function setup(thread)
    thread:set("index", #threads)
    table.insert(threads, thread)
end

-- Thread state. These are globals on purpose: done() reads them with thread:get(), finished or not.
quota, granted, requested, ok, bad = 0, 0, 0, 0, 0
first_ms, last_ms = 0, 0
statuses, regions = {}, {}
finished = false
local req
local progress_every = 100

function init(args)
    local total, nthreads, body_file = tonumber(args[1]), tonumber(args[2]), args[3]
    quota = math.floor(total / nthreads)
    if index < total % nthreads then
        quota = quota + 1
    end
    local f = assert(io.open(body_file, "rb"))
    local body = f:read("*a")
    f:close()
    req = wrk.format("POST", nil, { ["Content-Type"] = "application/json" }, body)
end

function request()
    if first_ms == 0 then
        first_ms = now_ms()
    end
    requested = requested + 1
    return req
end

-- wrk 4.1 calls delay() before every request of a connection, its first included (because the script has a
-- delay function). It hands out exactly the thread's share, then parks the connection for an hour (the
-- thread stops long before). Counting here rather than in request() is exact: several connections may pass
-- delay() before the first of them reaches request(), and wrk calls request() once more to check it.
function delay()
    if granted >= quota then
        return 3600000
    end
    granted = granted + 1
    return 0
end

function response(status, headers, body)
    if finished then
        return
    end
    if status >= 200 and status < 300 then
        ok = ok + 1
    else
        bad = bad + 1
    end
    statuses[status] = (statuses[status] or 0) + 1
    local region = headers["X-Gateway-Region"]
    if region then
        regions[region] = (regions[region] or 0) + 1
    end
    last_ms = now_ms()
    local answered = ok + bad
    if answered % progress_every == 0 then
        io.stderr:write("bench-progress\n")
    end
    if answered >= quota then
        finished = true
        io.stderr:write("bench-thread-done\n")
        io.stderr:flush()
        wrk.thread:stop()
    end
end

local function line(key, value)
    io.write(string.format("BENCH %s=%s\n", key, tostring(value)))
end

local function join(tbl)
    local keys = {}
    for k in pairs(tbl) do table.insert(keys, k) end
    table.sort(keys, function(a, b) return tostring(a) < tostring(b) end)
    local parts = {}
    for _, k in ipairs(keys) do table.insert(parts, tostring(k) .. ":" .. tbl[k]) end
    return table.concat(parts, ",")
end

function done(summary, latency, requests)
    local sum = { quota = 0, granted = 0, ok = 0, bad = 0 }
    local first, last, unfinished = nil, nil, 0
    local statuses_all, regions_all = {}, {}
    for _, t in ipairs(threads) do
        for k in pairs(sum) do
            sum[k] = sum[k] + (t:get(k) or 0)
        end
        if not t:get("finished") then
            unfinished = unfinished + 1
        end
        local f, l = t:get("first_ms"), t:get("last_ms")
        if f and f > 0 and (first == nil or f < first) then first = f end
        if l and l > 0 and (last == nil or l > last) then last = l end
        for k, v in pairs(t:get("statuses") or {}) do statuses_all[k] = (statuses_all[k] or 0) + v end
        for k, v in pairs(t:get("regions") or {}) do regions_all[k] = (regions_all[k] or 0) + v end
    end
    local e = summary.errors
    line("requests_planned", sum.quota)
    line("requests_sent", sum.granted)
    line("unfinished_threads", unfinished)
    line("ok", sum.ok)
    line("non2xx", sum.bad)
    line("responses_wrk", summary.requests)
    line("socket_errors", e.connect + e.read + e.write + e.timeout)
    line("errors_connect", e.connect)
    line("errors_read", e.read)
    line("errors_write", e.write)
    line("errors_timeout", e.timeout)
    line("statuses", join(statuses_all))
    line("regions", join(regions_all))
    if first and last and last > first then
        line("elapsed_s", string.format("%.3f", (last - first) / 1000))
        line("rps", string.format("%.1f", (sum.ok + sum.bad) * 1000 / (last - first)))
    else
        line("elapsed_s", "nan")
        line("rps", "0")
    end
    for _, p in ipairs({ 50, 90, 99 }) do
        line("latency_p" .. p .. "_ms", string.format("%.1f", latency:percentile(p) / 1000))
    end
    line("latency_max_ms", string.format("%.1f", latency.max / 1000))
end
