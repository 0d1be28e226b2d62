// bench-floor.html: one script, nothing rendered (scripts/bench-browser.mjs)
performance.mark('pp:floor');
