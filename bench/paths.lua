-- bench/paths.lua: wrk asks for the paths of a file (one a line), in turn.
--   wrk -s bench/paths.lua http://HOST:PORT/ -- FILE
local paths, i = {}, 0

function init(args)
    for line in io.lines(args[1]) do paths[#paths + 1] = line end
    -- each of wrk's threads starts somewhere else in the list
    i = math.random(#paths)
end

function request()
    i = i % #paths + 1
    return wrk.format("GET", paths[i])
end
