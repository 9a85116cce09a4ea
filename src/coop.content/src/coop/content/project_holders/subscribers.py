"""What a project holder page sets off: its holder, the coaches' review."""

from Acquisition import aq_parent
from coop.content import _
from coop.content.common.config import COACHES_GROUP
from coop.content.common.mail import french
from coop.content.common.mail import mail_text
from coop.content.common.mail import send_each
from coop.content.content.project_holder import IProjectHolder
from coop.content.directory import validators
from coop.content.directory.moderation_subscribers import Decisions
from coop.content.directory.moderation_subscribers import group_addresses
from coop.content.directory.moderation_subscribers import mail_about_review
from coop.content.project_holders.pages import check_one_page
from coop.content.project_holders.pages import refusal
from OFS.interfaces import IObjectWillBeAddedEvent
from plone import api


def set_holder(page, event):
    """The page belongs to the account that creates it; nobody types it in.

    A copy keeps its holder, who may not hold two pages. This runs before the
    page enters its folder, so that a refused page leaves nothing behind.
    """
    if not page.holder:
        page.holder = api.user.get_current().getId()
    check_one_page(page)


def check_room(page, event):
    """A page copied or moved into a project holder page that holds 3 is refused.

    This runs before it enters the page; a rename within the page adds none.
    """
    if event.newParent is None or event.newParent is event.oldParent:
        return
    error = refusal(event.newParent, page.portal_type)
    if error is not None:
        raise error


def check_image(image, event):
    """An image in a project holder page is checked on its content, as the page's."""
    if IObjectWillBeAddedEvent.providedBy(event):
        parent = event.newParent
    else:
        parent = aq_parent(image)
    if IProjectHolder.providedBy(parent):
        validators.valid_image(image.image)


PAGE_DECISIONS = Decisions(
    sent_back_subject=_("Your page ${title} is sent back to you"),
    sent_back_reason=_(
        "The coaches send your page ${title} back to you, for this reason:"
    ),
    sent_back_next=_("Update your page, then submit it for review again: ${url}"),
    published_subject=_("Your page ${title} is published"),
    published_text=_(
        "Your page ${title} is published: everyone can now read it among the "
        "cooperative's project holders."
    ),
    published_link=_("See your page: ${url}"),
)


def mail_about_coaching(page, event):
    """Tell the coaches about a submission, and the holder about the decision."""
    mail_about_review(page, event, _mail_coaches, _holder_address, PAGE_DECISIONS)


def _holder_address(page):
    user = api.user.get(userid=page.holder) if page.holder else None
    return user.getProperty("email", None) if user is not None else None


def _mail_coaches(page):
    title = {"title": page.title}
    subject = french(_("Project holder page to review: ${title}", mapping=title))
    text = mail_text(
        _("Hello,"),
        _("The project holder page ${title} is submitted for review.", mapping=title),
        _(
            "Read it, then publish it or send it back: ${url}",
            mapping={"url": page.absolute_url()},
        ),
    )
    # One message each, so that no coach sees the others' addresses.
    send_each(group_addresses(COACHES_GROUP), subject, text)
