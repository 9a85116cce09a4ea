"""What the moderation of a cooperative's entry sets off."""

from coop.content import _
from coop.content.common.config import MODERATORS_GROUP
from coop.content.common.mail import french
from coop.content.common.mail import mail_text
from coop.content.common.mail import send_each
from coop.content.common.mail import send_mail
from coop.content.directory.entries import consultation_address
from coop.content.directory.moderation import check_comment
from coop.content.directory.moderation import PUBLISH
from coop.content.directory.moderation import reason_required_for
from coop.content.directory.moderation import review_queue_url
from coop.content.directory.moderation import SEND_BACK
from coop.content.directory.moderation import SUBMIT
from dataclasses import dataclass
from plone import api
from Products.CMFCore.WorkflowCore import WorkflowException
from zope.globalrequest import getRequest
from zope.i18n import translate
from zope.i18nmessageid import Message
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


@dataclass(frozen=True)
class Decisions:
    """The mails that tell an author the reviewers' decision on a submitted item.

    Their messages may use ${title} and ${url}, the item's.
    """

    sent_back_subject: Message
    sent_back_reason: Message
    sent_back_next: Message
    published_subject: Message
    published_text: Message
    published_link: Message

    def mail(self, transition, item, comment):
        """(subject, paragraphs) of the mail a transition sends, or None."""
        if transition == SEND_BACK:
            subject = self.sent_back_subject
            paragraphs = (self.sent_back_reason, comment.strip(), self.sent_back_next)
        elif transition == PUBLISH:
            subject = self.published_subject
            paragraphs = (self.published_text, self.published_link)
        else:
            return None
        mapping = {"title": item.title, "url": item.absolute_url()}
        return (
            french(Message(subject, mapping=mapping)),
            mail_text(
                _("Hello,"),
                *(
                    Message(paragraph, mapping=mapping)
                    if isinstance(paragraph, Message)
                    else paragraph
                    for paragraph in paragraphs
                ),
            ),
        )


def mail_about_review(item, event, mail_reviewers, author_address, decisions):
    """Tell the reviewers about a submission, and the author about the decision.

    `mail_reviewers(item)` writes to the reviewers; `author_address(item)`:
    the author's address, if any; `decisions`: the author's mails.
    """
    if event.transition is None:
        return
    transition = event.transition.id
    if transition == SUBMIT:
        mail_reviewers(item)
        return
    found = decisions.mail(transition, item, transition_comment(event))
    address = author_address(item) if found else None
    if address:
        send_mail([address], *found)


ENTRY_DECISIONS = Decisions(
    sent_back_subject=_("Your entry ${title} is sent back to you"),
    sent_back_reason=_(
        "The moderators send your entry ${title} back to you, for this reason:"
    ),
    sent_back_next=_("Update your entry, then submit it for review again: ${url}"),
    published_subject=_("Your entry ${title} is published"),
    published_text=_(
        "Your entry ${title} is published: everyone can now find it in the "
        "cooperative directory."
    ),
    published_link=_("See your entry: ${url}"),
)


def mail_about_moderation(cooperative, event):
    """Tell the moderators about a submission, and the owner about the decision."""
    mail_about_review(
        cooperative, event, _mail_moderators, consultation_address, ENTRY_DECISIONS
    )


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
    subject = french(_("Entry to review: ${title}", mapping=title))
    text = mail_text(
        _("Hello,"),
        _("The cooperative ${title} submitted its entry for review.", mapping=title),
        _("Read the entry: ${url}", mapping={"url": cooperative.absolute_url()}),
        _("Review queue: ${url}", mapping={"url": review_queue_url(cooperative)}),
    )
    # One message each, so that no moderator sees the others' addresses.
    send_each(group_addresses(MODERATORS_GROUP), subject, text)
