-- wrk: every document x language x paper x print size of the sample in turn (84 PDFs),
-- each thread starting at a different place; appended to statuses.lua, whose init it calls.
local paths = {}
for _, doc in ipairs({"handout", "checklist", "diary-week", "diary-month", "summary", "roadmap", "card"}) do
  for _, lang in ipairs({"en", "bn", "en%2Bbn"}) do
    for _, paper in ipairs({"a4", "letter"}) do
      for _, large in ipairs({"0", "1"}) do
        table.insert(paths, "/articles/hemifacial-spasm/" .. doc .. ".pdf?lang=" .. lang .. "&paper=" .. paper .. "&large-print=" .. large)
      end
    end
  end
end
local counter = 0
local offset = 0
local base_init = init
function init(args)
  base_init(args)
  offset = (id or 0) * 37
end
function request()
  counter = counter + 1
  return wrk.format(nil, paths[((counter + offset) % #paths) + 1])
end
