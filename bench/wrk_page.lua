-- GET the pre-calculation's first page (anonymous).
dofile(os.getenv("BENCH_DIR") .. "/wrk_common.lua")
wrk.headers["X-Forwarded-Proto"] = "https"
