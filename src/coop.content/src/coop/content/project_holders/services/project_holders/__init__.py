"""POST on a project holder page and on /porteurs-de-projet, with the page rules."""
