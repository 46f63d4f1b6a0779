"""Partner feeds: documents pulled from (or pushed by) partner systems on a
schedule and applied through each owning app's own import and upsert code."""
