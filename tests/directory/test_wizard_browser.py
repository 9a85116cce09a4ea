"""The wizard's script in a real browser: the checkbox of step 6 shows its grid."""

from coop.content.directory.browser.wizard import LAST_SAVED_KEY
from coop.content.directory.entries import create_account
from coop.content.directory.entries import create_draft_entry
from playwright.sync_api import expect
from playwright.sync_api import sync_playwright
from zope.annotation.interfaces import IAnnotations

import transaction


EMAIL = "scop-du-lac@example.org"
PASSWORD = "un-mot-de-passe-solide"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def test_the_establishments_checkbox_shows_and_hides_the_grid(functional_portal):
    user = create_account(EMAIL, PASSWORD)
    cooperative = create_draft_entry(user, title="Scop du Lac", postal_code="74600")
    IAnnotations(cooperative)[LAST_SAVED_KEY] = 5
    transaction.commit()
    url = f"{functional_portal.absolute_url()}/annuaire/@@inscription?etape=6"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=CHROMIUM_ARGS
        )
        try:
            page = browser.new_page()
            page.goto(f"{functional_portal.absolute_url()}/login")
            page.fill("input[name='__ac_name']", EMAIL)
            page.fill("input[name='__ac_password']", PASSWORD)
            page.click("button[name='buttons.login']")
            page.wait_for_load_state()
            page.goto(url)
            box = page.get_by_label("Mon entreprise possède des établissements")
            grid = page.locator("#formfield-form-widgets-establishments")
            expect(box).not_to_be_checked()
            expect(grid).to_be_hidden()
            box.check()
            expect(grid).to_be_visible()
            box.uncheck()
            expect(grid).to_be_hidden()
        finally:
            browser.close()
