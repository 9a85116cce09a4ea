from coop.content import _
from zope import schema
from zope.interface import Interface
from zope.publisher.interfaces.browser import IDefaultBrowserLayer

import re


THEME_CODE = re.compile(r"[a-z0-9][a-z0-9-]*")


def valid_theme_code(value):
    return THEME_CODE.fullmatch(value) is not None


class ICoopContentLayer(IDefaultBrowserLayer):
    """Marker interface of the browser layer installed by coop.content."""


class IIntranetItem(Interface):
    """Marker of the intranet's own content (workshops, appointments): read
    over REST by coop.content.intranet.fields."""


class IProjectHolderFolder(Interface):
    """Marker of the folder of the project holders' pages (/porteurs-de-projet)."""


class IWorkshopThemes(Interface):
    """The themes of the workshops, kept in the registry and managed by coaches.

    A theme's code is what workshops and questions store: its name may change,
    its code stays.
    """

    themes = schema.Dict(
        title=_("Workshop themes"),
        description=_(
            "A code (lower-case letters, digits and hyphens) and a name per theme."
        ),
        key_type=schema.ASCIILine(
            title=_("Code"), max_length=40, constraint=valid_theme_code
        ),
        value_type=schema.TextLine(title=_("Name"), max_length=100),
        default={},
        required=False,
    )
