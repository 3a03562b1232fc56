// Preloaded into the checker by the hostile tests: its peak memory and the CPU time it used, at exit.
'use strict';
process.on('exit', () => {
  const u = process.resourceUsage();
  process.stderr.write(
    `hostile-probe rss-kb=${u.maxRSS} cpu-ms=${Math.round((u.userCPUTime + u.systemCPUTime) / 1000)}\n`,
  );
});
