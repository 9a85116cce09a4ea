"""The personal file of a project holder, at /intranet/dossiers/<userid>.

Personal files follow coop_private_workflow: only Owner and Editor (besides
administrators) may see one, so the local roles given here decide who reads
it. The intranet-wide Reader role of the other project holders grants nothing.
"""

from coop.content.common.config import INTRANET_ID
from coop.content.common.config import PERSONAL_FILE_TYPE
from coop.content.common.config import PERSONAL_FILES_ID
from coop.policy import _
from plone import api
from zope.i18n import translate


PERSONAL_FILES_PATH = f"/{INTRANET_ID}/{PERSONAL_FILES_ID}"
HOLDER_ROLES = ("Owner", "Editor")
COACH_ROLES = ("Reader", "Editor")


def ensure_personal_file(userid, coach_ids=()):
    """Return the personal file of the project holder `userid`, created if missing.

    The holder becomes its only owner and the coaches `coach_ids` may read and
    edit it. Calling it again keeps the file and its content and only adds the
    roles that are missing, so it is safe whenever a holder or coach is added.
    The current user needs the permission to add a personal file in
    /intranet/dossiers (Manager or Site Administrator).
    """
    holder = _user(userid)
    coaches = [_user(coach_id) for coach_id in coach_ids]
    container = api.content.get(path=PERSONAL_FILES_PATH)
    personal_file = container.get(userid)
    if personal_file is None:
        fullname = holder.getProperty("fullname") or holder.getUserName()
        title = _("Personal file of ${fullname}", mapping={"fullname": fullname})
        personal_file = api.content.create(
            container=container,
            type=PERSONAL_FILE_TYPE,
            id=userid,
            title=translate(
                title,
                target_language=api.portal.get_default_language(),
                context=api.env.getRequest(),
            ),
            safe_id=False,
        )
    _give_to(personal_file, holder)
    for coach in coaches:
        personal_file.manage_addLocalRoles(coach.getId(), COACH_ROLES)
    personal_file.reindexObjectSecurity()
    return personal_file


def _user(userid):
    user = api.user.get(userid=userid)
    if user is None:
        raise ValueError(f"No user with id {userid!r}")
    return user


def _give_to(personal_file, holder):
    """Make the holder the owner and creator of the file, and nobody else.

    Whoever created it (an administrator, a setup script) was made its Owner
    and would keep seeing the holder's private documents.
    """
    userid = holder.getId()
    for principal, roles in personal_file.get_local_roles():
        if principal != userid and "Owner" in roles:
            remaining = [role for role in roles if role != "Owner"]
            if remaining:
                personal_file.manage_setLocalRoles(principal, remaining)
            else:
                personal_file.manage_delLocalRoles([principal])
    personal_file.manage_addLocalRoles(userid, HOLDER_ROLES)
    acl_users = api.portal.get_tool("acl_users")
    personal_file.changeOwnership(acl_users.getUserById(userid))
    personal_file.setCreators((userid,))
