"""The contact form /contact: its fields, its mail, its saved data.

The form is content that administrators may reword, so its fields are set
once, when it still has EasyForm's sample fields; the recipient follows the
site's e-mail address (Site setup > E-mail) each time the policy is applied:
messages go to the cooperative's team at that address, with the visitor's
address as Reply-To, and are kept in the form's saved data ("Messages
reçus", under the form's "Saved data" action). Spam: collective.honeypot
adds its hidden field to the form and refuses a post that fills it.
"""

from collective.easyform.api import get_actions
from collective.easyform.api import set_actions
from plone import api


FIELDS_MODEL = """<?xml version="1.0" encoding="utf-8"?>
<model xmlns="http://namespaces.plone.org/supermodel/schema"
       xmlns:easyform="http://namespaces.plone.org/supermodel/easyform">
  <schema>
    <field name="name" type="zope.schema.TextLine">
      <title>Nom et prénom</title>
      <max_length>100</max_length>
    </field>
    <field name="email" type="zope.schema.TextLine"
           easyform:validators="isValidEmail">
      <title>Adresse e-mail</title>
      <description>Pour que nous puissions vous répondre.</description>
      <max_length>254</max_length>
    </field>
    <field name="subject" type="zope.schema.TextLine">
      <title>Objet</title>
      <max_length>200</max_length>
    </field>
    <field name="message" type="zope.schema.Text">
      <title>Message</title>
      <max_length>5000</max_length>
    </field>
    <field name="consent" type="zope.schema.Bool"
           easyform:validators="isChecked">
      <title>J'accepte que mes informations soient conservées pour me répondre.</title>
    </field>
  </schema>
</model>
"""

ACTIONS_MODEL = """<?xml version="1.0" encoding="utf-8"?>
<model xmlns="http://namespaces.plone.org/supermodel/schema">
  <schema>
    <field name="mailer" type="collective.easyform.actions.Mailer">
      <title>Envoi à l'équipe de la coopérative</title>
      <replyto_field>email</replyto_field>
      <subject_field>subject</subject_field>
      <msg_subject>Message du formulaire de contact</msg_subject>
    </field>
    <field name="saved" type="collective.easyform.actions.SaveData">
      <title>Messages reçus</title>
    </field>
  </schema>
</model>
"""

THANKS = "Merci pour votre message : l'équipe de la coopérative vous répondra."


def configure_contact_form(form):
    """Our fields instead of EasyForm's samples; the team's address as recipient."""
    if "consent" not in (form.fields_model or ""):
        form.fields_model = FIELDS_MODEL
        form.actions_model = ACTIONS_MODEL
        form.thankstitle = "Message envoyé"
        form.thanksdescription = THANKS
        form.submitLabel = "Envoyer"
    actions = get_actions(form)
    mailer = actions.get("mailer")
    address = api.portal.get_registry_record("plone.email_from_address")
    if mailer is not None and address and mailer.recipient_email != address:
        mailer.recipient_email = address
        set_actions(form, actions)
    saved = actions.get("saved")
    if saved is not None:
        # EasyForm makes the storage of the saved data when it is first used,
        # a read included: made now, reading the form writes nothing.
        saved.getSavedFormInput()
