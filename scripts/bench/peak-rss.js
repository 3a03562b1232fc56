// Preloaded into the checker by the benchmark: reports the process's peak resident memory at exit.
'use strict';
process.on('exit', () => {
  if (process.env.SKM_PEAK_RSS)
    process.stderr.write(`peak-rss-kb=${process.resourceUsage().maxRSS}\n`);
});
