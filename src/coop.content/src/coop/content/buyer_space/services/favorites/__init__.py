"""@favorites: the current user's favourite cooperatives (DESIGN §7)."""
