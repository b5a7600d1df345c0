// Run autocannon (npm, installed by `make tools` into .cache/node) with the settings in the JSON
// file named by argv[2]; print one JSON line: totals, status counts, errors, latency percentiles.
//
// Settings: {url, connections, amount | duration, timeout, requests: [{method, path, headers, body}]}.
// Every connection sends the requests in turn (autocannon's "requests" sequence), so a mix of kinds
// keeps its proportions whatever the concurrency. Used by scripts/loadtest.py and benchmarks/bench.py.
'use strict'

const fs = require('fs')
const autocannon = require('autocannon')

const settings = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'))
const options = {
  url: settings.url,
  connections: settings.connections,
  timeout: settings.timeout || 10,
  requests: settings.requests,
}
if (settings.amount) options.amount = settings.amount
else options.duration = settings.duration || 10

autocannon(options, (err, result) => {
  if (err) {
    console.error(String(err && err.stack || err))
    process.exit(1)
  }
  const statuses = {}
  for (const [code, stat] of Object.entries(result.statusCodeStats || {})) statuses[code] = stat.count
  const latency = result.latency
  process.stdout.write(JSON.stringify({
    requests: result.requests.total,
    sent: result.requests.sent,
    duration: result.duration,
    rps: result.requests.average,
    rps_total: result.requests.total / result.duration,
    statuses,
    errors: result.errors,
    timeouts: result.timeouts,
    resets: result.resets || 0,
    mismatches: result.mismatches || 0,
    latency_ms: {p50: latency.p50, p90: latency.p90, p99: latency.p99, max: latency.max, mean: latency.average},
  }) + '\n')
})
