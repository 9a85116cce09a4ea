"""@favorites: the current user's favourite cooperatives."""
