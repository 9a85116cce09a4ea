"""Passwords of at least 10 characters, whichever way an account gets one.

Plone's password policy plugin checks every password that PAS sets: the
registration form, `POST @users`, password changes and resets, and the
cooperative registration wizard, which asks `portal_registration` too.
"""

from Products.PlonePAS.setuphandlers import setupPasswordPolicyPlugin


MIN_PASSWORD_LENGTH = 10
POLICY_PLUGIN_ID = "password_policy"


def require_long_passwords(portal):
    setupPasswordPolicyPlugin(portal)
    portal.acl_users[POLICY_PLUGIN_ID].min_chars = MIN_PASSWORD_LENGTH
