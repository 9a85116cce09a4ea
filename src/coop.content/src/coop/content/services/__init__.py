"""REST services of the coop platform, one folder per service (as plone.restapi)."""
