"""Console scripts of the coop platform project."""
