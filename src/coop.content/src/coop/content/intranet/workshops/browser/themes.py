"""Where coaches add a workshop theme and rename the others."""

from coop.content import _
from coop.content.common.errors import InputError
from coop.content.intranet.workshops.themes import save_themes
from coop.content.vocabularies.intranet import workshop_themes
from plone import api
from plone.protect import CheckAuthenticator
from Products.Five.browser import BrowserView


class WorkshopThemes(BrowserView):
    error = None
    error_field = None

    def __call__(self):
        if self.request.method == "POST":
            CheckAuthenticator(self.request)
            form = self.request.form
            names = {
                name.removeprefix("name-"): value
                for name, value in form.items()
                if name.startswith("name-")
            }
            try:
                save_themes(names, form.get("code", ""), form.get("name", ""))
            except InputError as error:
                self.error = error.message
                self.error_field = error.field
                self.request.response.setStatus(400)
            else:
                api.portal.show_message(_("Themes saved."), self.request)
                return self.request.response.redirect(
                    f"{self.context.absolute_url()}/@@workshop-themes", status=303
                )
        return self.index()

    def themes(self):
        """The themes by name, with what was typed after an error."""
        form = self.request.form if self.error else {}
        return [
            {
                "code": code,
                "name": form.get(f"name-{code}", name),
                "invalid": self.error_field == f"name-{code}",
            }
            for code, name in sorted(
                workshop_themes().items(), key=lambda item: item[1].lower()
            )
        ]

    def typed(self, name):
        value = self.request.form.get(name, "") if self.error else ""
        return value if isinstance(value, str) else ""
