"""The toolbar's "Add" menu."""

from AccessControl import getSecurityManager
from plone.app.contentmenu.menu import FactoriesSubMenuItem


class PermittedFactoriesSubMenuItem(FactoriesSubMenuItem):
    """Plone's "Add" menu, for the members who may open what it leads to.

    Its two pages, the list of types to add (``folder_factories``) and the
    restriction of the types (``folder_constraintypes_form``), need "Add
    portal content" and "Modify constrain types" on the folder that would
    hold the new item. A member with neither, such as a project holder
    reading the intranet, gets no menu; Plone otherwise works out every type
    the folder takes, on every page the member reads.
    """

    def available(self):
        folder = self._addContext()
        security = getSecurityManager()
        if not (
            security.checkPermission("Add portal content", folder)
            or security.checkPermission("Modify constrain types", folder)
        ):
            return False
        return super().available()
