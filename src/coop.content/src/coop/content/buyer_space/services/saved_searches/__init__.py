"""@saved-searches: the current user's saved directory searches."""
