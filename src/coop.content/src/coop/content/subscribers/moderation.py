"""What the moderation of a cooperative's file sets off (DESIGN §6, §8)."""

from coop.content import _
from coop.content.directory import consultation_address
from coop.content.mail import french
from coop.content.mail import mail_text
from coop.content.mail import send_each
from coop.content.mail import send_mail
from coop.content.moderation import check_comment
from coop.content.moderation import MODERATORS_GROUP
from coop.content.moderation import PUBLISH
from coop.content.moderation import reason_required_for
from coop.content.moderation import review_queue_url
from coop.content.moderation import SEND_BACK
from coop.content.moderation import SUBMIT
from plone import api
from Products.CMFCore.WorkflowCore import WorkflowException
from zope.globalrequest import getRequest
from zope.i18n import translate
from zope.schema import ValidationError


def transition_comment(event):
    # The workflow passes no keyword arguments when it sets the initial state.
    return (event.kwargs or {}).get("comment", "")


def refuse_bad_comment(obj, event):
    """Stop a transition whose comment breaks the rules, whoever asks for it."""
    if event.transition is None:
        return
    try:
        check_comment(
            event.transition.id, transition_comment(event), reason_required_for(obj)
        )
    except ValidationError as error:
        raise WorkflowException(translate(error.doc(), context=getRequest())) from None


def index_submission(cooperative, event):
    """The review queue sorts on the submission date, which only a submit changes."""
    if event.transition is not None and event.transition.id == SUBMIT:
        cooperative.reindexObject(idxs=["submitted"])


def mail_about_moderation(cooperative, event):
    """Tell the moderators about a submission, and the owner about the decision."""
    if event.transition is None:
        return
    transition = event.transition.id
    if transition == SUBMIT:
        _mail_moderators(cooperative)
    elif transition == SEND_BACK:
        _mail_owner_sent_back(cooperative, transition_comment(event))
    elif transition == PUBLISH:
        _mail_owner_published(cooperative)


def group_addresses(group_id):
    """The e-mail addresses of the members of `group_id`, sorted."""
    if api.group.get(groupname=group_id) is None:
        return []
    addresses = (
        user.getProperty("email", None)
        for user in api.user.get_users(groupname=group_id)
    )
    return sorted({address for address in addresses if address})


def _mail_moderators(cooperative):
    title = {"title": cooperative.title}
    subject = french(_("File to review: ${title}", mapping=title))
    text = mail_text(
        _("Hello,"),
        _("The cooperative ${title} submitted its file for review.", mapping=title),
        _("Read the file: ${url}", mapping={"url": cooperative.absolute_url()}),
        _("Review queue: ${url}", mapping={"url": review_queue_url(cooperative)}),
    )
    # One message each, so that no moderator sees the others' addresses.
    send_each(group_addresses(MODERATORS_GROUP), subject, text)


def _mail_owner_sent_back(cooperative, reason):
    address = consultation_address(cooperative)
    if not address:
        return
    title = {"title": cooperative.title}
    subject = french(_("Your file ${title} is sent back to you", mapping=title))
    text = mail_text(
        _("Hello,"),
        _(
            "The moderators send your file ${title} back to you, for this reason:",
            mapping=title,
        ),
        reason.strip(),
        _(
            "Update your file, then submit it for review again: ${url}",
            mapping={"url": cooperative.absolute_url()},
        ),
    )
    send_mail([address], subject, text)


def _mail_owner_published(cooperative):
    address = consultation_address(cooperative)
    if not address:
        return
    title = {"title": cooperative.title}
    subject = french(_("Your file ${title} is published", mapping=title))
    text = mail_text(
        _("Hello,"),
        _(
            "Your file ${title} is published: everyone can now find it in the "
            "cooperative directory.",
            mapping=title,
        ),
        _("See your file: ${url}", mapping={"url": cooperative.absolute_url()}),
    )
    send_mail([address], subject, text)
