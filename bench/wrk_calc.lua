-- POST /api/v1/calculations with a family of four.
dofile(os.getenv("BENCH_DIR") .. "/wrk_common.lua")
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["X-Forwarded-Proto"] = "https"
wrk.body = '{"month": "2026-03", "municipality": "stockholm", "cohabiting": true, ' ..
  '"members": [{"id": "a", "role": "adult", "age": 40}, {"id": "b", "role": "adult", "age": 38},' ..
  ' {"id": "c", "role": "child", "age": 9}, {"id": "d", "role": "child", "age": 3, "lunch_at_home": false}],' ..
  ' "costs": {"housing": 9200, "household_electricity": 400},' ..
  ' "incomes": [{"member": "a", "kind": "employment", "amount": 6000}, {"member": null, "kind": "child_allowance", "amount": 2500}]}'
