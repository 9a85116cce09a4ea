"""The seven-step registration of a new cooperative, through the browser layer."""

from coop.content.directory.entries import cooperative_of
from coop.content.directory.entries import create_account
from coop.content.directory.entries import create_draft_entry
from plone import api
from plone.testing.zope import Browser

import lxml.html
import pytest
import transaction


EMAIL = "scop-du-lac@example.org"
PASSWORD = "un-mot-de-passe-solide"
PDF = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n"
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"

STEP_2 = {
    "title": "Scop Menuiserie du Lac",
    "legal_form:list": ["scop_sarl"],
    "siret": "73282932000074",
    "description": "Menuiserie et agencement sur mesure.",
    "sector:list": ["F"],
    "goods_services:list": ["45", "39"],
    "competences": "Menuiserie; Agencement ;ébénisterie",
    "phone": "04 50 00 00 00",
    "website": "https://menuiserie-du-lac.example.org",
    "postal_code": "74600",
    "city": "Seynod",
}
STEP_3 = {
    "certifications": "ISO 9001\nQualibat RGE",
    "carbon_footprint": "1200",
    "carbon_footprint_year": "2023",
    "guarantees": "Garantie décennale",
}
STEP_4 = {"revenue": "850000", "revenue_year": "2024", "headcount": "12"}
STEP_5 = {
    "head_office.widgets.street": "3 rue du Port",
    "head_office.widgets.postal_code": "74000",
    "head_office.widgets.city": "Annecy",
    "director.widgets.name": "Claire Martin",
    "director.widgets.role": "Gérante",
    "director.widgets.email": "claire@example.org",
    "commercial_contacts.0.widgets.name": "Paul Favre",
    "commercial_contacts.0.widgets.email": "paul@example.org",
}
STEP_6 = {
    "has_establishments:list": ["selected"],
    "establishments.0.widgets.name": "Atelier de Montpellier",
    "establishments.0.widgets.postal_code": "34000",
    "establishments.0.widgets.city": "Montpellier",
}
STEP_7 = {
    "has_client_references:list": ["selected"],
    "client_references.0.widgets.client": "Ville d'Annecy",
    "client_references.0.widgets.project": "Mobilier de l'école",
    "client_references.0.widgets.year": "2023",
}


class Wizard:
    """A visitor's browser on the wizard, in the terms of its pages."""

    def __init__(self, app, portal):
        self.portal_url = portal.absolute_url()
        self.url = f"{self.portal_url}/annuaire/@@inscription"
        self.browser = Browser(app)
        self.browser.handleErrors = False

    def open(self, step=None):
        self.browser.open(self.url if step is None else f"{self.url}?etape={step}")

    def log_in(self, login, password=PASSWORD):
        self.browser.open(f"{self.portal_url}/login")
        self.browser.getControl(name="__ac_name").value = login
        self.browser.getControl(name="__ac_password").value = password
        self.browser.getControl(name="buttons.login").click()

    def fill(self, values):
        for name, value in values.items():
            self.browser.getControl(name=f"form.widgets.{name}").value = value

    def upload(self, name, data, filename, content_type):
        control = self.browser.getControl(name=f"form.widgets.{name}")
        control.add_file(data, content_type, filename)

    def press(self, button):
        self.browser.getControl(name=f"form.buttons.{button}").click()

    def value(self, name):
        return self.browser.getControl(name=f"form.widgets.{name}").value

    def register(self, email=EMAIL, password=PASSWORD, confirmation=None):
        self.open()
        self.fill(
            {
                "email": email,
                "password": password,
                "password_ctl": password if confirmation is None else confirmation,
            }
        )
        self.press("next")

    def complete(self, *steps):
        for values in steps:
            self.fill(values)
            self.press("next")

    @property
    def page(self):
        return lxml.html.fromstring(self.browser.contents)

    def texts(self, xpath):
        return [
            " ".join(node.text_content().split()) for node in self.page.xpath(xpath)
        ]

    @property
    def heading(self):
        return self.texts("//p[contains(@class, 'coop-wizard-step')]")[0]

    @property
    def step(self):
        return int(self.heading.split()[1])

    @property
    def errors(self):
        return self.texts("//div[contains(@class, 'invalid-feedback')]")

    @property
    def messages(self):
        return self.texts("//div[contains(@class, 'statusmessage')]")

    @property
    def wizard_message(self):
        return self.texts("//p[contains(@class, 'coop-wizard-message')]")[0]

    def has_button(self, button):
        return bool(self.page.xpath(f"//button[@name='form.buttons.{button}']"))


@pytest.fixture
def wizard(functional_app, functional_portal):
    transaction.commit()
    return Wizard(functional_app, functional_portal)


@pytest.fixture
def new_browser(functional_app, functional_portal):
    def new():
        transaction.commit()
        return Wizard(functional_app, functional_portal)

    return new


def the_entry(email=EMAIL):
    transaction.begin()
    user = api.user.get(username=email)
    return cooperative_of(user.getId()) if user is not None else None


def test_a_visitor_registers_in_seven_steps(wizard, groups_of):
    wizard.open()
    assert (
        wizard.heading == "Étape 1 sur 7 : Identification de l'entreprise coopérative"
    )
    wizard.register()
    assert wizard.browser.url.endswith("@@inscription?etape=2")
    assert wizard.heading == (
        "Étape 2 sur 7 : Coordonnées de l'entreprise coopérative et présentation "
        "de l'activité"
    )
    assert wizard.page.xpath(
        "//label[@for='form-widgets-title']/span[@class='required']"
    )
    assert "séparés par un point-virgule" in wizard.browser.contents
    assert wizard.value("consultation_email") == EMAIL

    wizard.complete(STEP_2)
    assert wizard.step == 3
    wizard.fill(STEP_3)
    wizard.upload("plaque", PDF, "plaque.pdf", "application/pdf")
    wizard.press("next")
    wizard.complete(STEP_4, STEP_5, STEP_6)
    assert wizard.step == 7
    assert not wizard.has_button("next")
    wizard.fill(STEP_7)
    wizard.press("finish")

    assert wizard.browser.url.endswith("/annuaire/@@inscription")
    assert "Merci ! Votre fiche a été transmise au modérateur." in wizard.messages[0]
    assert wizard.wizard_message.startswith("Votre fiche a été transmise au modérateur")
    cooperative = the_entry()
    user = api.user.get(username=EMAIL)
    assert groups_of(user) == {"cooperatives", "buyers"}
    assert api.content.get_state(cooperative) == "pending"
    assert cooperative.getOwner().getId() == user.getId()
    assert cooperative.creators == (user.getId(),)
    assert cooperative.title == "Scop Menuiserie du Lac"
    assert cooperative.goods_services == ["39", "45"]
    assert cooperative.competences == ["Menuiserie", "Agencement", "ébénisterie"]
    assert cooperative.consultation_email == EMAIL
    assert (cooperative.department, cooperative.region) == ("74", "84")
    assert cooperative.certifications == ["ISO 9001", "Qualibat RGE"]
    assert cooperative.carbon_footprint == 1200
    assert cooperative.plaque.data == PDF
    assert (cooperative.revenue, cooperative.headcount) == (850000, 12)
    assert cooperative.head_office["city"] == "Annecy"
    assert cooperative.director["name"] == "Claire Martin"
    assert [row["name"] for row in cooperative.commercial_contacts] == ["Paul Favre"]
    assert [(row["name"], row["department"]) for row in cooperative.establishments] == [
        ("Atelier de Montpellier", "34")
    ]
    assert cooperative.client_references == [
        {"client": "Ville d'Annecy", "project": "Mobilier de l'école", "year": 2023}
    ]
    catalog = api.portal.get_tool("portal_catalog")
    found = catalog.unrestrictedSearchResults(competences="ebenisterie")
    assert [brain.getPath() for brain in found] == [
        "/".join(cooperative.getPhysicalPath())
    ]


def test_a_later_visit_resumes_after_the_last_saved_step(wizard, new_browser):
    wizard.register()
    wizard.complete(STEP_2, STEP_3)
    assert wizard.step == 4

    later = new_browser()
    later.log_in(EMAIL)
    later.open()
    assert later.step == 4
    later.open(step=6)
    assert later.browser.url.endswith("etape=4")
    later.open(step=3)
    # French digit grouping, with a no-break space.
    assert later.value("carbon_footprint") == "1\xa0200"
    later.open(step=2)
    assert later.value("title") == "Scop Menuiserie du Lac"
    assert later.value("competences") == "Menuiserie\nAgencement\nébénisterie"


def test_previous_keeps_valid_input_and_drops_wrong_input(wizard):
    wizard.register()
    wizard.complete(STEP_2)
    wizard.fill({"carbon_footprint": "500"})
    wizard.press("previous")
    assert wizard.step == 2
    wizard.open(step=3)
    assert wizard.value("carbon_footprint") == "500"

    wizard.fill({"carbon_footprint": "-5"})
    wizard.press("previous")
    assert wizard.step == 2
    assert "n'ont pas été enregistrées" in wizard.messages[0]
    assert the_entry().carbon_footprint == 500


def test_cancel_keeps_what_was_saved_for_later(wizard):
    wizard.register()
    wizard.complete(STEP_2)
    wizard.fill({"carbon_footprint": "700"})
    wizard.press("cancel")
    assert wizard.browser.url == wizard.portal_url
    assert "Vous pourrez reprendre votre inscription plus tard." in wizard.messages[0]
    assert the_entry().carbon_footprint is None
    wizard.open()
    assert wizard.step == 3


def test_a_signed_in_cooperative_sees_its_login_at_step_1(wizard):
    wizard.register()
    wizard.open(step=1)
    assert (
        "Vous êtes connecté avec l'adresse scop-du-lac@example.org"
        in (wizard.texts("//div[contains(@class, 'coop-wizard')]")[0])
    )
    assert not wizard.page.xpath("//input[@name='form.widgets.email']")
    wizard.press("next")
    assert wizard.step == 2


@pytest.mark.parametrize(
    "email,password,confirmation,field,message",
    [
        (
            EMAIL,
            "court",
            "court",
            "password",
            "Votre mot de passe doit contenir au moins 10 caractères.",
        ),
        (
            EMAIL,
            PASSWORD,
            "un-autre-mot-de-passe",
            "password_ctl",
            "Les deux mots de passe ne sont pas identiques.",
        ),
        (
            "pas-une-adresse",
            PASSWORD,
            PASSWORD,
            "email",
            "Le courriel spécifié n'est pas valide.",
        ),
    ],
)
def test_step_1_refuses_bad_input(
    wizard, email, password, confirmation, field, message
):
    wizard.register(email, password, confirmation)
    assert wizard.step == 1
    error = wizard.page.xpath(
        f"//div[@id='formfield-form-widgets-{field}']"
        "//div[contains(@class, 'invalid-feedback')]"
    )
    assert [node.text_content().strip() for node in error] == [message]
    transaction.begin()
    assert api.user.get(username=email) is None
    assert "__ac" not in wizard.browser.cookies


def test_ten_characters_make_a_password(wizard):
    wizard.register(password="dix-signes")
    assert wizard.step == 2


@pytest.mark.parametrize("email", [EMAIL, EMAIL.upper()])
def test_step_1_sends_existing_accounts_to_the_login(wizard, email):
    create_account(EMAIL, PASSWORD)
    transaction.commit()
    wizard.register(email)
    assert wizard.step == 1
    assert wizard.errors == [
        "Un compte existe déjà avec cette adresse : connectez-vous."
    ]
    assert "__ac" not in wizard.browser.cookies


@pytest.mark.parametrize(
    "values,message",
    [
        (
            {"siret": "73282932000075"},
            "Le numéro SIRET comporte 14 chiffres et une clé de contrôle valide.",
        ),
        (
            {"goods_services:list": ["45", "39", "72", "79", "90"]},
            "Choisissez entre 1 et 4 biens et services.",
        ),
        (
            {"competences": "; ".join(f"métier {n}" for n in range(11))},
            "Indiquez au plus 10 compétences.",
        ),
        (
            {"competences": "menuiserie; " + "x" * 41},
            "Chaque compétence comporte au plus 40 caractères.",
        ),
        (
            {"postal_code": "7460"},
            "Un code postal français comporte 5 chiffres, par exemple 74600.",
        ),
        (
            {"website": "javascript:alert(1)"},
            "Une adresse web commence par http:// ou https://.",
        ),
    ],
)
def test_step_2_refuses_bad_input_and_saves_nothing(wizard, values, message):
    wizard.register()
    wizard.fill({**STEP_2, **values})
    wizard.press("next")
    assert wizard.step == 2
    assert wizard.errors == [message]
    assert the_entry() is None


@pytest.mark.parametrize(
    "data,message",
    [
        (PNG + b"0" * (2 * 1024 * 1024), "Le logo ne doit pas dépasser 2 Mo."),
        (PDF, "Le logo doit être une image PNG, JPEG ou WebP."),
    ],
)
def test_step_2_refuses_a_bad_logo(wizard, data, message):
    wizard.register()
    wizard.fill(STEP_2)
    wizard.upload("logo", data, "logo.png", "image/png")
    wizard.press("next")
    assert wizard.errors == [message]
    assert the_entry() is None


def test_step_2_keeps_markup_as_text(wizard):
    script = "<script>alert('coop')</script> Menuiserie"
    wizard.register()
    wizard.complete({**STEP_2, "description": script})
    assert the_entry().description == script
    wizard.open(step=2)
    assert "<script>alert('coop')" not in wizard.browser.contents
    assert "&lt;script&gt;alert('coop')&lt;/script&gt; Menuiserie" in (
        wizard.browser.contents
    )
    assert wizard.value("description") == script


@pytest.mark.parametrize(
    "data,filename,message",
    [
        (
            b"<html><body><script>alert(1)</script></body></html>",
            "plaque.pdf",
            "La plaque doit être un fichier PDF ou JPEG.",
        ),
        (
            PDF + b"0" * (10 * 1024 * 1024),
            "plaque.pdf",
            "La plaque ne doit pas dépasser 10 Mo.",
        ),
    ],
)
def test_step_3_refuses_a_bad_brochure(wizard, data, filename, message):
    wizard.register()
    wizard.complete(STEP_2)
    wizard.upload("plaque", data, filename, "application/pdf")
    wizard.press("next")
    assert wizard.step == 3
    assert wizard.errors == [message]
    assert the_entry().plaque is None
    wizard.open()
    assert wizard.step == 3


def test_step_6_unticked_clears_the_establishments(wizard):
    wizard.register()
    wizard.complete(STEP_2, {}, {}, {}, STEP_6)
    assert len(the_entry().establishments) == 1
    wizard.open(step=6)
    assert wizard.value("has_establishments:list") == ["selected"]
    wizard.complete({"has_establishments:list": []})
    assert wizard.step == 7
    assert the_entry().establishments == []


def test_step_6_ticked_needs_an_establishment(wizard):
    wizard.register()
    wizard.complete(STEP_2, {}, {}, {}, {"has_establishments:list": ["selected"]})
    assert wizard.step == 6
    assert wizard.errors == ["Indiquez au moins un établissement, ou décochez la case."]


@pytest.mark.parametrize(
    "row",
    [
        {"client_references.0.widgets.project": "Mobilier de l'école"},
        # A ticked box with a blank line: the client is required all the same.
        {},
    ],
)
def test_step_7_ticked_needs_a_client_on_each_line(wizard, row):
    wizard.register()
    wizard.complete(STEP_2, {}, {}, {}, {})
    wizard.fill({"has_client_references:list": ["selected"], **row})
    wizard.press("finish")
    assert wizard.step == 7
    assert wizard.errors == ["Chaque référence client doit indiquer le nom du client."]
    cooperative = the_entry()
    assert api.content.get_state(cooperative) == "draft"
    assert not cooperative.client_references


@pytest.mark.parametrize("step", [2, 3, 7, "x"])
def test_visitors_open_step_1_only(wizard, step):
    wizard.open(step=step)
    assert wizard.browser.url.endswith("@@inscription?etape=1")
    assert wizard.step == 1


@pytest.fixture
def member(functional_portal):
    def create(group_id):
        email = f"{group_id}@example.org"
        with api.env.adopt_roles(["Manager"]):
            user = api.user.create(email=email, password=PASSWORD)
            api.group.add_user(groupname=group_id, user=user)
        transaction.commit()
        return email

    return create


@pytest.mark.parametrize("group_id", ["buyers", "entrepreneurs"])
def test_other_members_are_told_the_wizard_is_for_new_cooperatives(
    wizard, member, group_id
):
    wizard.log_in(member(group_id))
    for step in (None, 2):
        wizard.open(step=step)
        assert wizard.wizard_message.startswith(
            "Cette inscription est réservée aux nouvelles entreprises coopératives."
        )
        assert not wizard.has_button("next")


@pytest.mark.parametrize(
    "state,message",
    [
        ("pending", "Votre fiche a été transmise au modérateur"),
        ("published", "Votre fiche est publiée dans l'annuaire."),
    ],
)
def test_a_submitted_entry_leaves_the_wizard(wizard, state, message):
    user = create_account(EMAIL, PASSWORD)
    cooperative = create_draft_entry(user, title="Scop du Lac", postal_code="74600")
    with api.env.adopt_roles(["Manager"]):
        api.content.transition(obj=cooperative, to_state=state)
    transaction.commit()
    wizard.log_in(EMAIL)
    wizard.open(step=2)
    assert wizard.wizard_message.startswith(message)
    assert wizard.page.xpath(f"//a[@href='{cooperative.absolute_url()}']")
    assert not wizard.has_button("next")


def test_a_cooperative_reaches_its_own_entry_only(wizard, new_browser):
    wizard.register()
    wizard.complete(STEP_2)
    other = new_browser()
    other.register("autre-scop@example.org")
    assert other.value("title") == ""
    other.open(step=4)
    assert other.browser.url.endswith("etape=2")
    other.fill(STEP_2)
    other.press("next")
    assert other.errors == [
        "Une fiche existe déjà avec ce numéro SIRET. Si votre entreprise est "
        "préenregistrée, connectez-vous avec l'adresse que nous vous avons "
        "communiquée par courriel."
    ]
    assert the_entry("autre-scop@example.org") is None
    assert the_entry().title == "Scop Menuiserie du Lac"


def test_a_pre_registered_cooperative_starts_at_step_2_with_its_data(wizard):
    user = create_account(EMAIL, PASSWORD)
    create_draft_entry(user, title="Scop du Lac", postal_code="74600")
    transaction.commit()
    wizard.log_in(EMAIL)
    wizard.open()
    assert wizard.step == 2
    assert wizard.value("title") == "Scop du Lac"


def test_steps_refuse_posts_without_the_authenticator(wizard):
    wizard.register()
    wizard.browser.handleErrors = True
    wizard.browser.raiseHttpErrors = False
    body = "&".join(
        f"form.widgets.{name}={value}"
        for name, value in {
            "title": "Scop Pirate",
            "siret": "73282932000074",
            "postal_code": "74600",
            "city": "Seynod",
        }.items()
    )
    wizard.browser.post(f"{wizard.url}?etape=2", f"{body}&form.buttons.next=Suivant")
    assert wizard.browser.headers["status"].startswith("403")
    assert the_entry() is None


def test_step_1_refuses_posts_without_the_authenticator(wizard):
    wizard.browser.handleErrors = True
    wizard.browser.raiseHttpErrors = False
    wizard.browser.post(
        f"{wizard.url}?etape=1",
        "form.widgets.email=pirate%40example.org"
        f"&form.widgets.password={PASSWORD}&form.widgets.password_ctl={PASSWORD}"
        "&form.buttons.next=Suivant",
    )
    assert wizard.browser.headers["status"].startswith("403")
    transaction.begin()
    assert api.user.get(username="pirate@example.org") is None


def test_the_wizard_lives_in_the_directory_only(wizard):
    wizard.browser.raiseHttpErrors = False
    wizard.browser.handleErrors = True
    wizard.browser.open(f"{wizard.portal_url}/agenda/@@inscription")
    assert wizard.browser.headers["status"].startswith("404")
