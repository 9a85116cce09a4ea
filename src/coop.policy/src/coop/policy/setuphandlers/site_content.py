"""Setup content belongs to the site, never to a member.

The site root, its sections, the contact form, and the demo's pages, events
and entries without an account are the site's: their creator is the site's
administrator, whoever applies the profiles (Zope's system user, for
`bin/coop-site`, has no id to record). Content must name a creator: Plone's
Dublin Core adapter makes the user who first reads content without one its
creator (a REST GET, a catalog update in a member's request), who would then
sign the site's pages ("par …") and list them on their author page.
"""

# The Zope administrator, as Plone names the creator of a site made through
# the web; no member has this id (members' ids are generated).
SITE_CREATOR = "admin"


def belong_to_the_site(obj):
    """Make the site's administrator the one creator of `obj`."""
    if tuple(obj.creators) != (SITE_CREATOR,):
        obj.setCreators((SITE_CREATOR,))
        obj.reindexObject(idxs=["Creator"])
