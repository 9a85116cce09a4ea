"""The demo consultation: the demo buyer asks three demo cooperatives for a
quotation, and the demo cooperative answers that it is interested.

So that "Mes consultations" shows something on both sides: the buyer's sent
box and the cooperative's received box, with one answer.
"""

from coop.content.common.config import CONSULTATION_TYPE
from coop.content.common.config import COOPERATIVE_TYPE
from coop.content.consultations.answers import record_answer
from coop.content.consultations.rules import today
from coop.content.directory.entries import cooperative_of
from datetime import timedelta
from plone import api
from plone.app.textfield.value import RichTextValue


CONSULTATION_ID = "renovation-menuiseries-mairie"
OTHER_RECIPIENTS = 2
DESCRIPTION = """
<p>La commune remplace les menuiseries extérieures de sa mairie (18 fenêtres et
deux portes, bâtiment de 1932) et cherche une entreprise pour la fourniture et
la pose.</p>
<ul>
<li>Bois ou bois-aluminium, double vitrage, performances thermiques RE2020 ;</li>
<li>travaux pendant les vacances scolaires d'été ;</li>
<li>visite du site possible sur rendez-vous.</li>
</ul>
<p>Merci d'indiquer vos délais, vos références de chantiers comparables et un
prix global hors taxes.</p>
"""
ANSWER = (
    "Bonjour, nous sommes intéressés : nous avons rénové les menuiseries de "
    "deux écoles du bassin annécien l'an dernier. Nous pouvons visiter la mairie "
    "la semaine prochaine pour vous remettre un devis."
)


def create_demo_consultations(folder, users):
    """The sent consultation and its answer, unless the folder holds it.

    `users` are the demo accounts by persona.
    """
    if folder.get(CONSULTATION_ID) is not None:
        return
    buyer, cooperative_owner = users["buyer"], users["cooperative"]
    own = api.content.get_uuid(cooperative_of(cooperative_owner.getId()))
    builders = api.content.find(
        portal_type=COOPERATIVE_TYPE,
        review_state="published",
        sector="F",
        sort_on="sortable_title",
    )
    others = [uid for uid in (brain.UID for brain in builders) if uid != own]
    with api.env.adopt_user(user=buyer):
        consultation = api.content.create(
            container=folder,
            type=CONSULTATION_TYPE,
            id=CONSULTATION_ID,
            safe_id=False,
            title="Rénovation des menuiseries extérieures de la mairie",
            closing_date=today() + timedelta(days=30),
            budget="40 000 à 55 000 € HT",
            location="Seynod",
            department="74",
            description=RichTextValue(DESCRIPTION.strip(), "text/html", "text/html"),
            recipients=[own, *others[:OTHER_RECIPIENTS]],
        )
        api.content.transition(obj=consultation, transition="send")
    record_answer(consultation, cooperative_owner.getId(), "interested", ANSWER)
