"""Plone's icon resolver, its SVG tags kept in RAM.

Every toolbar entry, status message and menu of a page asks `@@iconresolver`
for an icon's tag, and Plone reads and parses the icon's SVG file each time:
on a member's page, that is the larger part of the toolbar. The tag of an
icon depends on the file the registry names for it (`lookup`, read on every
call, so that a changed record takes effect at once), the CSS class and the
title asked; the files are the packages' own, which change only with a new
release and a restart.
"""

from plone.memoize import ram
from Products.CMFPlone.browser.icons import IconsView


def _tag_key(method, view, name, tag_class="", tag_alt=""):
    return view.lookup(name), tag_class, str(tag_alt)


class CachedIconsView(IconsView):
    @ram.cache(_tag_key)
    def tag(self, name, tag_class="", tag_alt=""):
        return super().tag(name, tag_class=tag_class, tag_alt=tag_alt)
