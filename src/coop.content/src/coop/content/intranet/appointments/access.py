"""Who sees an appointment: its project holder and its coach, nobody else.

An appointment inherits no local role from its folders (the intranet gives
every member Reader there). On the appointment itself the holder
(`entrepreneur`) is Reader and the coach is Editor, which gives the coach
the notes; whoever else held a role there loses it, a previous holder or
coach included. The creator keeps Owner only as the coach: an administrator
who plans an appointment for a coach sees it by their own role, as they see
everything. Administrators' roles are global and no appointment blocks them.
"""

HOLDER_ROLE = "Reader"
COACH_ROLE = "Editor"
OWNER_ROLE = "Owner"


def wanted_roles(appointment):
    """{userid: roles} of the appointment's two people."""
    roles = {}
    coach = appointment.coach
    if coach:
        owner = OWNER_ROLE in (appointment.get_local_roles_for_userid(coach) or ())
        roles[coach] = {COACH_ROLE, OWNER_ROLE} if owner else {COACH_ROLE}
    if appointment.entrepreneur:
        roles.setdefault(appointment.entrepreneur, set()).add(HOLDER_ROLE)
    return roles


def share(appointment):
    """Give the appointment's roles to its two people only; True when changed."""
    wanted = wanted_roles(appointment)
    current = {userid: set(roles) for userid, roles in appointment.get_local_roles()}
    changed = not getattr(appointment, "__ac_local_roles_block__", False)
    appointment.__ac_local_roles_block__ = True
    others = [userid for userid in current if userid not in wanted]
    if others:
        appointment.manage_delLocalRoles(others)
        changed = True
    for userid, roles in wanted.items():
        if current.get(userid) != roles:
            appointment.manage_setLocalRoles(userid, sorted(roles))
            changed = True
    if changed:
        appointment.reindexObjectSecurity()
    return changed


def appointment_shared(appointment, event):
    """On every addition and change, the local roles follow the two fields."""
    share(appointment)
